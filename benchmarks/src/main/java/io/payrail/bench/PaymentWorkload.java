package io.payrail.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One payment per iteration, created with a unique merchant order number and an amount the bank
 * approves. {@code --mode card}: BANK_CARD, which the router sends to SIMBANK. {@code --mode
 * wallet}: WALLET, which waits for its payer; the bench plays the payer through the simulator's
 * admin call (the "click" of the README), repeating it until the wallet knows the payment.
 */
final class PaymentWorkload implements Workload {

    static final String PAYMENTS = "/api/v1/payments";
    // how often the payer looks again while the payment is on its way to the wallet
    private static final long APPROVE_RETRY_MILLIS = 20;

    private final String method;
    private final String orderPrefix;
    private final String simUrl;
    private final HttpClient simulator;

    /**
     * @param method  BANK_CARD or WALLET
     * @param runTag  makes the run's merchant order numbers unique
     * @param simUrl  the simulator's base URL (for WALLET's payer)
     */
    PaymentWorkload(String method, String runTag, String simUrl) {
        this.method = method;
        this.orderPrefix = "b-" + runTag + "-";
        this.simUrl = simUrl.replaceAll("/+$", "");
        this.simulator = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String create(BenchMerchant merchant, long sequence) throws IterationFailed, InterruptedException {
        String body = "{\"merchantOrderNo\":\"" + orderPrefix + sequence + "\",\"amount\":"
                + Workload.approvedAmount(sequence) + ",\"currency\":\"USD\",\"subject\":\"Bench order " + sequence
                + "\",\"paymentMethod\":\"" + method + "\"}";
        return Workload.postForId(merchant, PAYMENTS, body);
    }

    @Override
    public void afterCreate(BenchMerchant merchant, String paymentId, long deadlineNanos)
            throws IterationFailed, InterruptedException {
        if (!method.equals("WALLET")) {
            return;
        }
        HttpRequest approve = HttpRequest.newBuilder(URI.create(simUrl + "/admin/channels/wallet/payer/" + paymentId
                + "/approve")).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        while (true) {
            HttpResponse<String> answer;
            try {
                answer = simulator.send(approve, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IterationFailed("wallet-approve-" + LoadGenerator.classify(e), String.valueOf(e.getMessage()));
            }
            if (answer.statusCode() == 200) {
                return;
            }
            // 404: Payrail has not asked the wallet for the payment yet
            if (answer.statusCode() != 404 || System.nanoTime() > deadlineNanos) {
                throw new IterationFailed("wallet-approve-http-" + answer.statusCode(), Json.excerpt(answer.body()));
            }
            Thread.sleep(APPROVE_RETRY_MILLIS);
        }
    }

    @Override
    public String unit() {
        return "payments";
    }
}
