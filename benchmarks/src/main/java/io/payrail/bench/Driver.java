package io.payrail.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs iterations of a {@link Workload}: the create, what follows it, and the wait for the
 * notification that ends it (through {@link Completions}). Each step counts its iterations, and
 * its errors by kind as the load generator does ({@link LoadStats}), in its own {@link Tally}.
 */
final class Driver {

    /** How an iteration ended. */
    enum End {
        /** its success notification (payment.succeeded, refund.succeeded) was acknowledged */
        DONE,
        /** the create was refused or failed, the payer step failed, or the notification said failed/closed */
        FAILED,
        /** created, but no notification within the finish timeout */
        UNFINISHED
    }

    /**
     * One iteration, with {@link System#nanoTime()} times: started (for the open loop: when it
     * was due), the create's answer (0 if the create failed), the end.
     */
    record Outcome(End end, long startNanos, long createdNanos, long endNanos, String id) {

        boolean created() {
            return createdNanos != 0;
        }
    }

    /** A step's counts, for its progress lines and the open loop's backlog, and its errors by kind. */
    static final class Tally {
        final LoadStats errors = new LoadStats((kind, detail) -> Bench.say("first " + kind + ": " + detail));
        final LongAdder created = new LongAdder();
        final LongAdder done = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder unfinished = new LongAdder();
        /** created and not ended: the backlog */
        final AtomicLong inFlight = new AtomicLong();
    }

    private final Completions completions;
    private final Duration finishTimeout;
    private final AtomicLong sequence = new AtomicLong();

    Driver(Completions completions, Duration finishTimeout) {
        this.completions = completions;
        this.finishTimeout = finishTimeout;
    }

    /**
     * Creates (in this thread) and returns the iteration's end, which completes when its
     * notification is acknowledged or the finish timeout passes.
     *
     * @param startNanos when the iteration started, or for the open loop when it was due to
     */
    CompletableFuture<Outcome> start(Workload workload, BenchMerchant merchant, long startNanos, Tally tally)
            throws InterruptedException {
        long n = sequence.incrementAndGet();
        String id;
        try {
            id = workload.create(merchant, n);
        } catch (Workload.IterationFailed e) {
            return CompletableFuture.completedFuture(failed(e, startNanos, 0, null, tally));
        }
        long createdNanos = System.nanoTime();
        tally.created.increment();
        tally.inFlight.incrementAndGet();
        CompletableFuture<Completions.Completion> notified = completions.expect(id);
        long deadline = createdNanos + finishTimeout.toNanos();
        try {
            workload.afterCreate(merchant, id, deadline);
        } catch (Workload.IterationFailed e) {
            completions.forget(id);
            tally.inFlight.decrementAndGet();
            return CompletableFuture.completedFuture(failed(e, startNanos, createdNanos, id, tally));
        }
        long left = Math.max(1, deadline - System.nanoTime());
        return notified.orTimeout(left, TimeUnit.NANOSECONDS).handle((completion, error) -> {
            completions.forget(id);
            tally.inFlight.decrementAndGet();
            if (completion == null) {
                tally.unfinished.increment();
                String why = error instanceof TimeoutException || error.getCause() instanceof TimeoutException
                        ? "no terminal notification within " + finishTimeout.toSeconds() + " s" : String.valueOf(error);
                tally.errors.error("no-notification", id + ": " + why);
                return new Outcome(End.UNFINISHED, startNanos, createdNanos, System.nanoTime(), id);
            }
            if (!completion.succeeded()) {
                tally.failed.increment();
                tally.errors.error(completion.eventType(), id);
                return new Outcome(End.FAILED, startNanos, createdNanos, completion.atNanos(), id);
            }
            tally.done.increment();
            return new Outcome(End.DONE, startNanos, createdNanos, completion.atNanos(), id);
        });
    }

    /** One whole iteration in this thread (the closed loop's clients). */
    Outcome run(Workload workload, BenchMerchant merchant, Tally tally) throws InterruptedException {
        return start(workload, merchant, System.nanoTime(), tally).join();
    }

    private Outcome failed(Workload.IterationFailed e, long startNanos, long createdNanos, String id, Tally tally) {
        tally.errors.error(e.kind(), e.getMessage());
        tally.failed.increment();
        return new Outcome(End.FAILED, startNanos, createdNanos, System.nanoTime(), id);
    }
}
