package io.payrail.simulator.fault;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The failures to inject, consumed one request at a time. Precedence for a request: a failure
 * pending for its reference, then a global failure (both only for the kinds of request in
 * {@code failOperations}), then a slow answer (pay and refund requests only), else a normal answer
 * after the latency. A failed request does not consume a slow answer. Thread-safe: every method
 * holds the plan's monitor, so counters never go below zero or fail one request too many.
 */
public final class FailurePlan {

    private static final Logger LOG = Logger.getLogger(FailurePlan.class.getName());

    private final long defaultLatencyMs;
    private FailureSettings settings;

    public FailurePlan(long defaultLatencyMs) {
        this.defaultLatencyMs = defaultLatencyMs;
        this.settings = FailureSettings.defaults(defaultLatencyMs);
    }

    /**
     * Decides how to treat the next request of this kind for {@code reference} (a pay request's or
     * a status query's merchantRef, a refund request's or a refund query's refundRef, a transfer's
     * transferRef, a statement's day {@code yyyy-MM-dd}), using up what it injects. Failures hit only
     * the kinds in {@code failOperations}; slow answers only pay, refund and transfer requests. A
     * query or a statement is answered at once (no latency), failed or not.
     */
    public synchronized Directive next(BankOperation operation, String reference) {
        FailureSettings s = settings;
        long delay = operation.answeredAtOnce() ? 0 : s.latencyMs();
        if (s.failOperations().contains(operation)) {
            Integer forRef = reference == null ? null : s.failRefs().get(reference);
            if (forRef != null) {
                Map<String, Integer> refs = new HashMap<>(s.failRefs());
                refs.put(reference, forRef - 1);
                settings = s.withCounters(s.failNextRequests(), s.timeoutNextRequests(), refs);
                return Directive.fail(s.failStatus(), delay);
            }
            if (s.failNextRequests() > 0) {
                settings = s.withCounters(s.failNextRequests() - 1, s.timeoutNextRequests(), s.failRefs());
                return Directive.fail(s.failStatus(), delay);
            }
        }
        if (!operation.answeredAtOnce() && s.timeoutNextRequests() > 0) {
            settings = s.withCounters(s.failNextRequests(), s.timeoutNextRequests() - 1, s.failRefs());
            return Directive.answer(s.timeoutMs());
        }
        return Directive.answer(delay);
    }

    /** The money to take instead of the money asked when this payment is approved, if the plan names any. */
    public synchronized Optional<MoneyOverride> captureOverride(String merchantRef) {
        return Optional.ofNullable(settings.captureOverrides().get(merchantRef));
    }

    /** The money to give back instead of the money asked when this refund is made, if the plan names any. */
    public synchronized Optional<MoneyOverride> refundOverride(String refundRef) {
        return Optional.ofNullable(settings.refundOverrides().get(refundRef));
    }

    public synchronized FailureSettings settings() {
        return settings;
    }

    /** Applies a change as a whole or not at all. */
    public synchronized FailureSettings update(FailureUpdate update) {
        settings = update.applyTo(settings);
        LOG.info(() -> "failure plan now " + settings);
        return settings;
    }

    /** Back to the start-up defaults: nothing injected. */
    public synchronized FailureSettings reset() {
        settings = FailureSettings.defaults(defaultLatencyMs);
        LOG.info(() -> "failure plan reset to " + settings);
        return settings;
    }
}
