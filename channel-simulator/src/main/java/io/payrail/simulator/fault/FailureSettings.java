package io.payrail.simulator.fault;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The failure plan as it stands: the counters are what is left to inject.
 *
 * @param latencyMs           delay before every pay and refund answer
 * @param failNextRequests    how many of the next requests get {@code failStatus}
 * @param failStatus          the HTTP status of an injected failure (400-599)
 * @param timeoutNextRequests how many of the next pay or refund requests are held {@code timeoutMs}
 * @param timeoutMs           how long a slow answer is held
 * @param failRefs            per reference (merchantRef of a payment or its status query, refundRef of a
 *                            refund or its query), how many of its next requests fail
 * @param failOperations      the kinds of request that {@code failNextRequests} and {@code failRefs} hit
 * @param captureOverrides    per merchantRef, the money the bank takes and reports instead of the money
 *                            asked when it approves that payment
 * @param refundOverrides     per refundRef, the money the bank gives back and reports instead of the
 *                            money asked when it refunds
 */
public record FailureSettings(long latencyMs, int failNextRequests, int failStatus, int timeoutNextRequests,
                              long timeoutMs, Map<String, Integer> failRefs, Set<BankOperation> failOperations,
                              Map<String, MoneyOverride> captureOverrides, Map<String, MoneyOverride> refundOverrides) {

    public static final int DEFAULT_FAIL_STATUS = 503;
    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    /** Caps the delays so a typo cannot park a request for days. */
    public static final long MAX_DELAY_MS = 600_000;
    /** What failures hit unless told otherwise: pay and refund requests, as before queries could fail. */
    public static final Set<BankOperation> DEFAULT_FAIL_OPERATIONS =
            Set.copyOf(EnumSet.of(BankOperation.PAY, BankOperation.REFUND));

    public FailureSettings {
        check(latencyMs >= 0 && latencyMs <= MAX_DELAY_MS, "latencyMs must be 0.." + MAX_DELAY_MS);
        check(failNextRequests >= 0, "failNextRequests must not be negative");
        check(failStatus >= 400 && failStatus <= 599, "failStatus must be an HTTP error status (400-599)");
        check(timeoutNextRequests >= 0, "timeoutNextRequests must not be negative");
        check(timeoutMs >= 0 && timeoutMs <= MAX_DELAY_MS, "timeoutMs must be 0.." + MAX_DELAY_MS);
        TreeMap<String, Integer> refs = new TreeMap<>();
        failRefs.forEach((ref, count) -> {
            check(ref != null && !ref.isEmpty(), "failRefs keys must be merchant or refund references");
            check(count != null && count >= 0, "failRefs counts must not be negative");
            if (count > 0) {
                refs.put(ref, count);
            }
        });
        failRefs = Map.copyOf(refs);
        check(failOperations != null && !failOperations.isEmpty(),
                "failOperations must name at least one of PAY, REFUND, QUERY, STATEMENT, TRANSFER");
        failOperations = Set.copyOf(EnumSet.copyOf(failOperations));
        captureOverrides = MoneyOverride.byReference(captureOverrides, "captureOverrides");
        refundOverrides = MoneyOverride.byReference(refundOverrides, "refundOverrides");
    }

    /** The plan of a bank whose failures hit pay and refund requests only, and that moves the money asked. */
    public FailureSettings(long latencyMs, int failNextRequests, int failStatus, int timeoutNextRequests,
                           long timeoutMs, Map<String, Integer> failRefs) {
        this(latencyMs, failNextRequests, failStatus, timeoutNextRequests, timeoutMs, failRefs,
                DEFAULT_FAIL_OPERATIONS, Map.of(), Map.of());
    }

    /** Nothing injected, the given latency. */
    public static FailureSettings defaults(long latencyMs) {
        return new FailureSettings(latencyMs, 0, DEFAULT_FAIL_STATUS, 0, DEFAULT_TIMEOUT_MS, Map.of());
    }

    FailureSettings withCounters(int newFailNextRequests, int newTimeoutNextRequests,
                                 Map<String, Integer> newFailRefs) {
        return new FailureSettings(latencyMs, newFailNextRequests, failStatus, newTimeoutNextRequests, timeoutMs,
                newFailRefs, failOperations, captureOverrides, refundOverrides);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
