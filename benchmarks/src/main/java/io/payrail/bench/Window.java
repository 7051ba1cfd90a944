package io.payrail.bench;

import java.util.Collection;

/**
 * The measured part of a step, from {@code startNanos} (after the warm-up) to {@code endNanos}.
 * An iteration counts in it by when things happened, not by when it started: its create latency
 * when the create's answer came within the window, the iteration itself (and its end-to-end
 * latency) when it ended within the window. In a steady state what straddles the start balances
 * what straddles the end, so the rate is the window's count over the window's length.
 */
record Window(long startNanos, long endNanos) {

    /** What the window saw of these outcomes. */
    record Counts(long done, long failed, long unfinished, Latencies.Summary create, Latencies.Summary endToEnd) {
    }

    double seconds() {
        return Math.max(0, endNanos - startNanos) / 1e9;
    }

    boolean contains(long nanos) {
        return nanos >= startNanos && nanos < endNanos;
    }

    Counts count(Collection<Driver.Outcome> outcomes) {
        Latencies create = new Latencies();
        Latencies endToEnd = new Latencies();
        long done = 0;
        long failed = 0;
        long unfinished = 0;
        for (Driver.Outcome o : outcomes) {
            if (o.created() && contains(o.createdNanos())) {
                create.record(o.createdNanos() - o.startNanos());
            }
            if (!contains(o.endNanos())) {
                continue;
            }
            switch (o.end()) {
                case DONE -> {
                    done++;
                    endToEnd.record(o.endNanos() - o.startNanos());
                }
                case FAILED -> failed++;
                case UNFINISHED -> unfinished++;
                default -> throw new IllegalStateException("unknown end " + o.end());
            }
        }
        return new Counts(done, failed, unfinished, create.summary(), endToEnd.summary());
    }
}
