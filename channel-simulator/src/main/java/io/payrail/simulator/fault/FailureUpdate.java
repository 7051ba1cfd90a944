package io.payrail.simulator.fault;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A change to the failure plan: a null field leaves the setting as it is, so a test can say only
 * {@code {"failNextRequests":2}}. {@code failRefs} entries are merged into the current ones; a
 * count of 0 removes a reference. {@code failOperations}, when given, replaces the list.
 */
public record FailureUpdate(Long latencyMs, Integer failNextRequests, Integer failStatus,
                            Integer timeoutNextRequests, Long timeoutMs, Map<String, Integer> failRefs,
                            Set<BankOperation> failOperations) {

    /** A change that leaves {@code failOperations} as it is. */
    public FailureUpdate(Long latencyMs, Integer failNextRequests, Integer failStatus, Integer timeoutNextRequests,
                         Long timeoutMs, Map<String, Integer> failRefs) {
        this(latencyMs, failNextRequests, failStatus, timeoutNextRequests, timeoutMs, failRefs, null);
    }

    /** The settings after this change; throws {@link IllegalArgumentException} if they are invalid. */
    FailureSettings applyTo(FailureSettings current) {
        Map<String, Integer> refs = new HashMap<>(current.failRefs());
        if (failRefs != null) {
            refs.putAll(failRefs);
        }
        return new FailureSettings(
                latencyMs != null ? latencyMs : current.latencyMs(),
                failNextRequests != null ? failNextRequests : current.failNextRequests(),
                failStatus != null ? failStatus : current.failStatus(),
                timeoutNextRequests != null ? timeoutNextRequests : current.timeoutNextRequests(),
                timeoutMs != null ? timeoutMs : current.timeoutMs(),
                refs,
                failOperations != null ? failOperations : current.failOperations());
    }
}
