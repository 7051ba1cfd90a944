package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import io.payrail.sdk.UnverifiedResponseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * At least 1,000 malformed or hostile requests for every REST operation (wrong types, huge values,
 * unicode, missing fields, SQL and script fragments), correctly signed so that they reach the
 * operation itself: no 5xx ever, and rows are written only by the requests that were accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsIT {

    private static final int PER_OPERATION = 1_000;
    private static final String[] FIELDS = {"merchantOrderNo", "amount", "currency", "subject", "paymentMethod"};

    private TestMerchant merchant;
    private String paidOrder;
    private final Map<String, Integer> accepted = new LinkedHashMap<>();
    private int containerRefusals;
    private static final int MAX_REQUEST_LINE = 4_000;
    private static final java.util.regex.Pattern CONTAINER_REFUSED = java.util.regex.Pattern.compile("%(00|2[Ff]|5[Cc])");

    @BeforeAll
    void merchantWithAPaidOrder() {
        merchant = Merchants.fresh("FUZZ", 1_000_000);
        paidOrder = merchant.pay(Payments.newOrderNo("fuzz-base"), 100_000);
        Payments.awaitFinal(merchant, paidOrder, java.time.Duration.ofSeconds(10));
    }

    /** Sends {@value #PER_OPERATION} requests made by {@code request}; returns the statuses. */
    private List<Integer> drive(String operation, long seed, Function<HostileInput, String[]> request) {
        HostileInput input = new HostileInput(seed);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PER_OPERATION; i++) {
            String[] r = request.apply(input);
            Answer answer = send(r[0], r[1], r.length > 2 ? r[2] : null);
            assertThat(answer.status()).as(operation + " #" + i + " " + r[0] + " " + abbreviate(r[1]) + " "
                    + abbreviate(r.length > 2 ? r[2] : "") + " -> " + abbreviate(answer.body())).isLessThan(500);
            if (answer.status() < 300) {
                accepted.merge(operation + " " + answer.status(), 1, Integer::sum);
            }
            statuses.add(answer.status());
        }
        return statuses;
    }

    /** What came back: the status and the body text. */
    private record Answer(int status, String body) {
    }

    private Answer send(String method, String target, String body) {
        if (CONTAINER_REFUSED.matcher(target).find() || target.length() > MAX_REQUEST_LINE) {
            return sendAlone(method, target, body);
        }
        try {
            PayrailResponse response = merchant.client().send(method, target, body, Map.of());
            return new Answer(response.status(), response.body());
        } catch (UnverifiedResponseException e) {
            throw new AssertionError(method + " " + abbreviate(target) + ": the answer was not signed by Payrail ("
                    + e.unverifiedResponse().status() + ")", e);
        } catch (IOException e) {
            throw new AssertionError(method + " " + abbreviate(target) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Paths with an encoded NUL, slash or backslash, and request lines longer than the container's
     * header limit (8 KiB), never reach the gateway: the web container answers 400 itself,
     * unsigned, and may close the connection before reading the body. They go
     * on a connection of their own, so a closed connection cannot spill onto the next request.
     */
    private Answer sendAlone(String method, String target, String body) {
        containerRefusals++;
        io.payrail.sdk.signing.AuthorizationHeader auth = merchant.signer().sign(method, target, body == null ? "" : body);
        java.net.http.HttpClient alone = java.net.http.HttpClient.newBuilder().sslContext(Merchants.tls())
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Gateway.baseUrl() + target))
                .header("Authorization", auth.value()).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status;
        try {
            status = alone.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closed) {
            status = 400; // refused by closing the connection: no answer, and certainly not a 5xx
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        try {
            int health = alone.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Gateway.baseUrl() + "/health"))
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(health).as("the server is still up after " + abbreviate(target)).isEqualTo(200);
        } catch (IOException e) {
            throw new AssertionError("the server does not answer after " + abbreviate(target), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Answer(status, "(refused by the web container)");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }

    @Test
    void createPayment() {
        long before = Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_id = ?", merchant.id());
        long outboxBefore = Database.count("SELECT COUNT(*) FROM outbox_message");
        List<Integer> statuses = drive("create", 1, in -> {
            if (in.chance(10)) {
                return new String[] {"POST", "/api/v1/payments", in.brokenJson()};
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("merchantOrderNo", HostileInput.quoted("fz-" + in.nextInt(1_000_000_000)));
            fields.put("amount", Integer.toString(1 + in.nextInt(10_000)));
            fields.put("currency", "\"USD\"");
            fields.put("subject", "\"fuzz\"");
            fields.put("paymentMethod", "\"BANK_CARD\"");
            int mutations = 1 + in.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                String field = FIELDS[in.nextInt(FIELDS.length)];
                switch (in.nextInt(4)) {
                    case 0 -> fields.remove(field);
                    case 1 -> fields.put(field, in.jsonValue());
                    case 2 -> fields.put("x" + in.nextInt(100), in.jsonValue());
                    default -> fields.put(field, HostileInput.quoted(in.string()));
                }
            }
            StringBuilder json = new StringBuilder("{");
            fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            return new String[] {"POST", "/api/v1/payments", json.append('}').toString()};
        });
        long created = statuses.stream().filter(s -> s == 201).count();
        assertThat(statuses.stream().filter(s -> s >= 400).count()).as("most hostile creates are refused").isGreaterThan(800);
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_id = ?", merchant.id()) - before)
                .as("orders written = creates accepted").isEqualTo(created);
        assertThat(Database.count("SELECT COUNT(*) FROM outbox_message WHERE aggregate_id IN"
                + " (SELECT id FROM payment_order WHERE merchant_id = ?)", merchant.id()) - created)
                .isLessThanOrEqualTo(before + 0L);
        assertThat(outboxBefore).isNotNegative();
    }

    @Test
    void readPayment() {
        drive("get", 2, in -> new String[] {"GET", "/api/v1/payments/" + HostileInput.encode(in.string())});
    }

    @Test
    void readPaymentByMerchantOrderNumber() {
        drive("by-number", 3, in -> new String[] {"GET", "/api/v1/payments/merchant-order-no/"
                + HostileInput.encode(in.string())});
    }

    @Test
    void searchPayments() {
        String[] params = {"state", "createdFrom", "createdTo", "limit", "cursor", "unknown"};
        drive("search", 4, in -> {
            StringBuilder q = new StringBuilder("/api/v1/payments?");
            int n = 1 + in.nextInt(3);
            for (int i = 0; i < n; i++) {
                q.append(i > 0 ? "&" : "").append(params[in.nextInt(params.length)]).append('=')
                        .append(HostileInput.encode(in.string()));
            }
            return new String[] {"GET", q.toString()};
        });
    }

    @Test
    void closePayment() {
        long closed = Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_id = ? AND state = 'CLOSED'",
                merchant.id());
        drive("close", 5, in -> new String[] {"POST", "/api/v1/payments/" + HostileInput.encode(in.string()) + "/close",
                in.chance(30) ? in.jsonValue() : null});
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_id = ? AND state = 'CLOSED'",
                merchant.id())).isEqualTo(closed);
    }

    @Test
    void createRefund() {
        long refundsBefore = Database.count("SELECT COUNT(*) FROM refund WHERE merchant_id = ?", merchant.id());
        List<Integer> statuses = drive("refund", 6, in -> {
            String target = in.chance(20) ? HostileInput.encode(in.string()) : paidOrder;
            if (in.chance(10)) {
                return new String[] {"POST", "/api/v1/payments/" + target + "/refunds", in.brokenJson()};
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("merchantRefundNo", HostileInput.quoted("fzr-" + in.nextInt(1_000_000_000)));
            fields.put("amount", in.chance(50) ? "200000" : in.jsonValue());
            if (in.chance(50)) {
                fields.put("reason", in.jsonValue());
            }
            if (in.chance(30)) {
                fields.put("merchantRefundNo", in.jsonValue());
            }
            StringBuilder json = new StringBuilder("{");
            fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            return new String[] {"POST", "/api/v1/payments/" + target + "/refunds", json.append('}').toString()};
        });
        long accepted = statuses.stream().filter(s -> s == 201).count();
        assertThat(Database.count("SELECT COUNT(*) FROM refund WHERE merchant_id = ?", merchant.id()) - refundsBefore)
                .as("refunds written = refunds accepted").isEqualTo(accepted);
        assertThat(Database.count("SELECT COALESCE(SUM(amount_minor), 0) FROM refund WHERE payment_order_id = ?"
                + " AND state <> 'FAILED'", paidOrder)).as("never more than was paid").isLessThanOrEqualTo(100_000);
    }

    @Test
    void listRefunds() {
        drive("list-refunds", 7, in -> new String[] {"GET", "/api/v1/payments/" + HostileInput.encode(in.string())
                + "/refunds"});
    }

    @Test
    void readRefund() {
        drive("get-refund", 8, in -> new String[] {"GET", "/api/v1/refunds/" + HostileInput.encode(in.string())});
    }

    @Test
    void readRefundByMerchantRefundNumber() {
        drive("refund-by-number", 9, in -> new String[] {"GET", "/api/v1/refunds/merchant-refund-no/"
                + HostileInput.encode(in.string())});
    }
}
