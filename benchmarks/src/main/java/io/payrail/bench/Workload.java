package io.payrail.bench;

import io.payrail.sdk.PayrailResponse;
import io.payrail.sdk.UnverifiedResponseException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * What one iteration of the bench is (one per {@code --mode}): a create call, perhaps something
 * between its answer and the notification that ends it, and perhaps something to ready before a
 * step. The notification is waited for by {@link Driver}, not here.
 */
interface Workload {

    /** The create call; returns the id of the payment or refund whose terminal notification ends the iteration. */
    String create(BenchMerchant merchant, long sequence) throws IterationFailed, InterruptedException;

    /** Between the create's answer and the notification: nothing, or the payer's approval. */
    default void afterCreate(BenchMerchant merchant, String id, long deadlineNanos)
            throws IterationFailed, InterruptedException {
    }

    /**
     * Before a step over these merchants whose measured part lasts {@code window}, at perhaps
     * {@code expectedPerSecond} iterations a second (NaN: not known yet): nothing, or paying the
     * payments that the refunds will refund.
     */
    default void prepare(Driver driver, List<BenchMerchant> merchants, Duration window, double expectedPerSecond)
            throws InterruptedException {
    }

    /** What the create call is, for messages: "payments", "refunds". */
    String unit();

    /** An iteration that cannot go on; its kind is counted like the load generator's errors. */
    final class IterationFailed extends Exception {
        private static final long serialVersionUID = 1L;

        private final String kind;

        IterationFailed(String kind, String detail) {
            super(detail);
            this.kind = kind;
        }

        String kind() {
            return kind;
        }
    }

    /** A refund step with no paid payment left to refund: the client stops. */
    final class NothingLeft extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingLeft(String message) {
            super(message);
        }
    }

    /** The id of a signed 201 answer to a POST, or the reason there is none. */
    static String postForId(BenchMerchant merchant, String path, String body)
            throws IterationFailed, InterruptedException {
        PayrailResponse response;
        try {
            response = merchant.client().post(path, body);
        } catch (UnverifiedResponseException e) {
            throw new IterationFailed("unsigned-http-" + e.unverifiedResponse().status(),
                    Json.excerpt(e.unverifiedResponse().body()));
        } catch (IOException e) {
            throw new IterationFailed(LoadGenerator.classify(e), String.valueOf(e.getMessage()));
        }
        if (response.status() != 201) {
            throw new IterationFailed("http-" + response.status(), Json.excerpt(response.body()));
        }
        return Json.string(response.body(), "id")
                .orElseThrow(() -> new IterationFailed("answer-without-id", Json.excerpt(response.body())));
    }

    /** Amounts the simulated banks approve: never ending in 13 or 14 (their decline triggers). */
    static long approvedAmount(long sequence) {
        long cents = sequence % 100;
        return (10 + sequence % 490) * 100 + (cents == 13 || cents == 14 ? 15 : cents);
    }
}
