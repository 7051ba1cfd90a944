package io.payrail.simulator.channel;

import io.payrail.simulator.fault.Directive;
import io.payrail.simulator.fault.MoneyOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * One channel's failures to inject, consumed one request (or callback) at a time. Thread-safe:
 * every method holds the plan's monitor, so "fail the next 3" fails exactly 3 however many
 * requests arrive at once, and a count never goes below zero.
 *
 * <p>For a request: a 5xx aimed at its operation goes first (for its reference, else the next-N
 * count), then a slow answer, else an answer after the latency. A failed request does not use up
 * a slow answer.
 */
public final class FaultPlan {

    private static final Logger LOG = Logger.getLogger(FaultPlan.class.getName());

    private final ChannelId channel;
    private final long defaultLatencyMs;
    private FaultSettings settings;

    public FaultPlan(ChannelId channel, long defaultLatencyMs) {
        this.channel = channel;
        this.defaultLatencyMs = defaultLatencyMs;
        this.settings = FaultSettings.defaults(defaultLatencyMs);
    }

    /** How to treat the next request of this kind for {@code merchantRef} (null when it names none). */
    public synchronized Directive before(Operation operation, String merchantRef) {
        Fault fail = settings.fault(FaultKind.FAIL);
        if (fail.aimsAt(operation) && take(fail, merchantRef)) {
            return new Directive((int) fail.setting(), settings.latencyMs());
        }
        Fault timeout = settings.fault(FaultKind.TIMEOUT);
        if (timeout.aimsAt(operation) && take(timeout, merchantRef)) {
            return new Directive(0, timeout.setting());
        }
        return new Directive(0, settings.latencyMs());
    }

    /** Whether this callback is to be lost (never sent). */
    public synchronized boolean loseCallback(String merchantRef) {
        return take(settings.fault(FaultKind.LOSE_CALLBACKS), merchantRef);
    }

    /** How many times to deliver this callback: 1, or more when duplicating. */
    public synchronized int callbackCopies(String merchantRef) {
        Fault duplicate = settings.fault(FaultKind.DUPLICATE_CALLBACKS);
        return take(duplicate, merchantRef) ? (int) duplicate.setting() : 1;
    }

    /** When this callback is to be held back behind the reference's next one: the longest hold. */
    public synchronized OptionalLong reorderHoldMs(String merchantRef) {
        Fault reorder = settings.fault(FaultKind.REORDER_CALLBACKS);
        return take(reorder, merchantRef) ? OptionalLong.of(reorder.setting()) : OptionalLong.empty();
    }

    /** Whether this close lets the payment land anyway, and after how long it lands by itself. */
    public synchronized Optional<Long> paidAfterClose(String merchantRef) {
        Fault leak = settings.fault(FaultKind.PAID_AFTER_CLOSE);
        return take(leak, merchantRef) ? Optional.of(leak.setting()) : Optional.empty();
    }

    /** The first decline rule matching this payment, used up by one. */
    public synchronized Optional<DeclineReason> decline(String merchantRef, Money money) {
        List<DeclineRule> rules = new ArrayList<>(settings.declineRules());
        for (int i = 0; i < rules.size(); i++) {
            DeclineRule rule = rules.get(i);
            if (rule.matches(merchantRef, money)) {
                rules.set(i, rule.used());
                settings = settings.withRules(rules);
                LOG.fine(() -> channel + " " + merchantRef + ": declined by rule " + rule.reason());
                return Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }

    /**
     * The money a payment of this order really takes: the order's own, unless "misreport" names
     * other money for the reference.
     */
    public synchronized Money captured(String merchantRef, Money asked) {
        MoneyOverride other = settings.misreports().get(merchantRef);
        if (other == null) {
            return asked;
        }
        Money taken = new Money(other.amountOr(asked.amount()), other.currencyOr(asked.currency()));
        LOG.info(() -> channel + " " + merchantRef + ": takes and reports " + taken + " instead of " + asked
                + " (misreport)");
        return taken;
    }

    public synchronized FaultSettings settings() {
        return settings;
    }

    /** Applies a change as a whole or not at all. */
    public synchronized FaultSettings update(FaultUpdate update) {
        settings = update.applyTo(settings);
        LOG.info(() -> channel + " failure plan now " + settings);
        return settings;
    }

    /** Back to the start-up defaults: nothing injected. */
    public synchronized FaultSettings reset() {
        settings = FaultSettings.defaults(defaultLatencyMs);
        LOG.info(() -> channel + " failure plan reset");
        return settings;
    }

    private boolean take(Fault fault, String merchantRef) {
        Targets left = fault.targets().consume(merchantRef);
        if (left == null) {
            return false;
        }
        settings = settings.with(fault.withTargets(left));
        return true;
    }
}
