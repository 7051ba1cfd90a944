package io.payrail.simulator.fault;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A change to the failure plan: a null field leaves the setting as it is, so a test can say only
 * {@code {"failNextRequests":2}}. {@code failRefs} entries are merged into the current ones; a
 * count of 0 removes a reference. {@code failOperations}, when given, replaces the list. Override
 * entries are merged likewise; an entry whose value is null removes that reference's override.
 */
public record FailureUpdate(Long latencyMs, Integer failNextRequests, Integer failStatus,
                            Integer timeoutNextRequests, Long timeoutMs, Map<String, Integer> failRefs,
                            Set<BankOperation> failOperations, Map<String, MoneyOverride> captureOverrides,
                            Map<String, MoneyOverride> refundOverrides) {

    /** A change to the failures of phase 1 only: failOperations and overrides stay as they are. */
    public FailureUpdate(Long latencyMs, Integer failNextRequests, Integer failStatus, Integer timeoutNextRequests,
                         Long timeoutMs, Map<String, Integer> failRefs) {
        this(latencyMs, failNextRequests, failStatus, timeoutNextRequests, timeoutMs, failRefs, null, null, null);
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
                failOperations != null ? failOperations : current.failOperations(),
                MoneyOverride.merged(current.captureOverrides(), captureOverrides),
                MoneyOverride.merged(current.refundOverrides(), refundOverrides));
    }
}
