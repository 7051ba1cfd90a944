package io.payrail.simulator.fault;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The failures to inject, consumed one request at a time. Precedence for a request: a failure
 * pending for its reference, then a global failure, then a slow answer, else a normal answer
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
     * Decides how to treat the next request for {@code reference} (a pay request's merchantRef, a
     * refund request's refundRef), using up what it injects.
     */
    public synchronized Directive next(String reference) {
        FailureSettings s = settings;
        Integer forRef = s.failRefs().get(reference);
        if (forRef != null) {
            Map<String, Integer> refs = new HashMap<>(s.failRefs());
            refs.put(reference, forRef - 1);
            settings = new FailureSettings(s.latencyMs(), s.failNextRequests(), s.failStatus(),
                    s.timeoutNextRequests(), s.timeoutMs(), refs);
            return Directive.fail(s.failStatus(), s.latencyMs());
        }
        if (s.failNextRequests() > 0) {
            settings = new FailureSettings(s.latencyMs(), s.failNextRequests() - 1, s.failStatus(),
                    s.timeoutNextRequests(), s.timeoutMs(), s.failRefs());
            return Directive.fail(s.failStatus(), s.latencyMs());
        }
        if (s.timeoutNextRequests() > 0) {
            settings = new FailureSettings(s.latencyMs(), s.failNextRequests(), s.failStatus(),
                    s.timeoutNextRequests() - 1, s.timeoutMs(), s.failRefs());
            return Directive.answer(s.timeoutMs());
        }
        return Directive.answer(s.latencyMs());
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
