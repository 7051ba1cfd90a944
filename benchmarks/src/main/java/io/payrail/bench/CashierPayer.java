package io.payrail.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;

/**
 * A payer at the cashier's JSON endpoint ({@code /api/cashier/{token}}, docs/cashier.md), for the fault
 * run: pays a CASHIER order with a new card (CARDGW) or with quick pay (QUICKPAY: one binding per
 * payer, then a code texted for each payment, read from the simulator's "SMS" admin endpoint).
 *
 * <p>A payer only pays again when the order says it may be paid ({@code CREATED}): an attempt whose
 * answer was lost leaves the order {@code PROCESSING} until the platform has settled it with the channel
 * (and given it back to the payer if nothing was charged), so a repeat can never charge twice. A
 * declined card (a share of the payers type one first) is followed by a good one, as a payer would.
 * Every error is counted and retried until the deadline; an order never paid closes at its expiry.
 */
final class CashierPayer {

    /** Card numbers of the simulator's test table (cardgw.md §3): one that pays, one declined. */
    private static final String GOOD_CARD = "4111111111111111";
    private static final String DECLINED_CARD = "4000000000000051";

    private final HttpClient http;
    private final String baseUrl;
    private final String simUrl;
    private final LoadStats stats;
    private String agreementId;

    CashierPayer(String baseUrl, String simUrl, SSLContext tls, LoadStats stats) {
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        this.baseUrl = baseUrl;
        this.simUrl = simUrl;
        this.stats = stats;
    }

    /**
     * Pays the order of {@code cashierUrl} until it is no longer waiting for its payer or the deadline
     * passes; with quick pay when {@code quickPay}, else with a card (first a declined one when
     * {@code declineFirst}).
     */
    void pay(String cashierUrl, boolean quickPay, boolean declineFirst, long deadlineNanos) throws InterruptedException {
        String api = baseUrl + "/api/cashier/" + URI.create(cashierUrl).getQuery().replaceFirst("^t=", "");
        boolean declineNext = declineFirst && !quickPay;
        int attempt = 0;
        while (System.nanoTime() < deadlineNanos) {
            attempt++;
            try {
                String state = state(api);
                if (!"CREATED".equals(state)) {
                    // PROCESSING is the platform's to settle; anything else is final
                    if (!"PROCESSING".equals(state) || System.nanoTime() > deadlineNanos) {
                        return;
                    }
                } else if (quickPay) {
                    payWithQuickPay(api);
                } else {
                    String card = declineNext ? DECLINED_CARD : GOOD_CARD;
                    declineNext = false;
                    post(api + "/card", "{\"number\":\"" + card + "\",\"expiry\":\"12/35\",\"cvv\":\"737\"}");
                }
            } catch (IOException e) {
                stats.error("cashier-" + LoadGenerator.classify(e), "cashier: " + e.getMessage());
            } catch (Refused e) {
                stats.error("cashier-http-" + e.status, "cashier HTTP " + e.status + ": " + Json.excerpt(e.body));
                if (e.status == 422 || e.status == 404) {
                    agreementId = null;   // a code or an agreement QUICKPAY no longer takes: bind again
                }
            }
            Thread.sleep(Math.min(2000L, 200L << Math.min(attempt, 4)) + ThreadLocalRandom.current().nextLong(100));
        }
    }

    private void payWithQuickPay(String api) throws IOException, Refused, InterruptedException {
        if (agreementId == null) {
            String bindId = field(post(api + "/quickpay/bind",
                    "{\"number\":\"" + GOOD_CARD + "\",\"expiry\":\"12/35\",\"phone\":\"+8613800138000\"}"), "bindId");
            agreementId = field(post(api + "/quickpay/bind/confirm", "{\"bindId\":\"" + bindId + "\",\"otp\":\""
                    + smsCode(bindId) + "\"}"), "agreementId");
        }
        post(api + "/quickpay/code", "{\"agreementId\":\"" + agreementId + "\"}");
        post(api + "/quickpay/pay", "{\"agreementId\":\"" + agreementId + "\",\"otp\":\"" + smsCode(agreementId) + "\"}");
    }

    private String state(String api) throws IOException, Refused, InterruptedException {
        return field(send(HttpRequest.newBuilder(URI.create(api)).GET()), "state");
    }

    private String post(String url, String json) throws IOException, Refused, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The code the simulator "texted" for a binding or an agreement (quickpay.md §3.3). */
    private String smsCode(String id) throws IOException, Refused, InterruptedException {
        return field(send(HttpRequest.newBuilder(URI.create(simUrl + "/admin/channels/quickpay/codes/" + id)).GET()), "code");
    }

    private String send(HttpRequest.Builder request) throws IOException, Refused, InterruptedException {
        stats.requests.increment();
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new Refused(response.statusCode(), response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) throws Refused {
        Optional<String> value = Json.string(json, name);
        if (value.isEmpty()) {
            throw new Refused(200, "no " + name + " in " + json);
        }
        return value.get();
    }

    /** An answer other than 200. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String body;

        Refused(int status, String body) {
            super("HTTP " + status, null, false, false);
            this.status = status;
            this.body = body;
        }
    }
}
