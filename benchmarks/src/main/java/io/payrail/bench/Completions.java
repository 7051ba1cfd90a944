package io.payrail.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a client waiting for its payment (or refund) meets the notification that ends it. Either
 * may come first: under load the notification can arrive before the thread that sent the create
 * has read the answer with the id, so both sides get the same future from the map.
 */
final class Completions {

    /** The events that end an iteration, and whether they count as done (not failed). */
    static final Map<String, Boolean> TERMINAL = Map.of("payment.succeeded", true, "payment.failed", false,
            "payment.closed", false, "refund.succeeded", true, "refund.failed", false);

    /** How an iteration ended: its event, and when the receiver acknowledged it ({@link System#nanoTime()}). */
    record Completion(String eventType, boolean succeeded, long atNanos) {
    }

    private final Map<String, CompletableFuture<Completion>> pending = new ConcurrentHashMap<>();

    /** The future the waiter for {@code resourceId} waits on; call {@link #forget} when done with it. */
    CompletableFuture<Completion> expect(String resourceId) {
        return pending.computeIfAbsent(resourceId, id -> new CompletableFuture<>());
    }

    /** The receiver's side: a notification was acknowledged. Events that end nothing are ignored. */
    void acknowledged(String eventType, String resourceId, long atNanos) {
        Boolean succeeded = TERMINAL.get(eventType);
        if (succeeded == null) {
            return;
        }
        expect(resourceId).complete(new Completion(eventType, succeeded, atNanos));
    }

    /**
     * The waiter is done, or gave up. (A repeat of the notification afterwards, which happens only
     * when an acknowledgement was lost, leaves one entry behind: not worth a second map.)
     */
    void forget(String resourceId) {
        pending.remove(resourceId);
    }

    int pendingCount() {
        return pending.size();
    }
}
