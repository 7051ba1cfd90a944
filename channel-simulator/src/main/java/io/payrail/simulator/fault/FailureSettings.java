package io.payrail.simulator.fault;

import java.util.Map;
import java.util.TreeMap;

/**
 * The failure plan as it stands: the counters are what is left to inject.
 *
 * @param latencyMs           delay before every answer
 * @param failNextRequests    how many of the next requests get {@code failStatus}
 * @param failStatus          the HTTP status of an injected failure (400-599)
 * @param timeoutNextRequests how many of the next requests are held {@code timeoutMs}
 * @param timeoutMs           how long a slow answer is held
 * @param failRefs            per reference (merchantRef of a payment, refundRef of a refund), how many
 *                            of its next requests fail
 */
public record FailureSettings(long latencyMs, int failNextRequests, int failStatus, int timeoutNextRequests,
                              long timeoutMs, Map<String, Integer> failRefs) {

    public static final int DEFAULT_FAIL_STATUS = 503;
    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    /** Caps the delays so a typo cannot park a request for days. */
    public static final long MAX_DELAY_MS = 600_000;

    public FailureSettings {
        check(latencyMs >= 0 && latencyMs <= MAX_DELAY_MS, "latencyMs must be 0.." + MAX_DELAY_MS);
        check(failNextRequests >= 0, "failNextRequests must not be negative");
        check(failStatus >= 400 && failStatus <= 599, "failStatus must be an HTTP error status (400-599)");
        check(timeoutNextRequests >= 0, "timeoutNextRequests must not be negative");
        check(timeoutMs >= 0 && timeoutMs <= MAX_DELAY_MS, "timeoutMs must be 0.." + MAX_DELAY_MS);
        TreeMap<String, Integer> refs = new TreeMap<>();
        failRefs.forEach((ref, count) -> {
            check(ref != null && !ref.isEmpty(), "failRefs keys must be merchant references");
            check(count != null && count >= 0, "failRefs counts must not be negative");
            if (count > 0) {
                refs.put(ref, count);
            }
        });
        failRefs = Map.copyOf(refs);
    }

    /** Nothing injected, the given latency. */
    public static FailureSettings defaults(long latencyMs) {
        return new FailureSettings(latencyMs, 0, DEFAULT_FAIL_STATUS, 0, DEFAULT_TIMEOUT_MS, Map.of());
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
