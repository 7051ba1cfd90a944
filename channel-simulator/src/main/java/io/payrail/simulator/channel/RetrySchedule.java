package io.payrail.simulator.channel;

import java.util.List;

/**
 * How a callback is retried until acknowledged: the waits after the 1st, 2nd, ... failed attempt
 * in a row (the last one repeats), and how many failed attempts an event gets before the channel
 * gives up on it.
 */
public record RetrySchedule(List<Long> delaysMs, int maxAttempts) {

    public static final RetrySchedule DEFAULT =
            new RetrySchedule(List.of(1_000L, 2_000L, 5_000L, 15_000L, 30_000L, 60_000L), 50);

    public RetrySchedule {
        delaysMs = List.copyOf(delaysMs);
        if (delaysMs.isEmpty() || delaysMs.stream().anyMatch(d -> d < 0 || d > FaultSettings.MAX_DELAY_MS)) {
            throw new IllegalArgumentException("retry delays must be 0.." + FaultSettings.MAX_DELAY_MS + " ms, at least one");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after {@code failuresInRow} failed attempts (1 for the first failure). */
    public long delayAfter(int failuresInRow) {
        int index = Math.min(Math.max(failuresInRow, 1), delaysMs.size()) - 1;
        return delaysMs.get(index);
    }

    /** Reads {@code "1000,2000,5000"}. */
    public static List<Long> parseDelays(String text) {
        try {
            return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("retry delays must be a comma-separated list of milliseconds: " + text);
        }
    }
}
