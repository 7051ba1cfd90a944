package io.payrail.order.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The payment order lifecycle. Every legal transition is declared here and nowhere else:
 *
 * <pre>
 * CREATED ◀─▶ PROCESSING ──▶ SUCCEEDED ──▶ PARTIALLY_REFUNDED ──▶ REFUNDED
 *    │            │  └──────▶ FAILED           │      ▲  └─────────────▲
 *    └──▶ CLOSED ◀┘                            └──────┴────────────────┘
 * </pre>
 *
 * CREATED and PROCESSING may close (expiry or the merchant); a paid order is refunded, partially
 * (any number of times) or fully. FAILED, CLOSED and REFUNDED are final. PROCESSING goes back to
 * CREATED only for a CASHIER order whose payer's attempt did not go through (nothing was charged):
 * the payer may try again ({@link PaymentOrder#returnToPayer}).
 */
public enum PaymentOrderState {
    CREATED, PROCESSING, SUCCEEDED, FAILED, CLOSED, PARTIALLY_REFUNDED, REFUNDED;

    private static final Map<PaymentOrderState, Set<PaymentOrderState>> NEXT = new EnumMap<>(PaymentOrderState.class);

    static {
        allow(CREATED, PROCESSING, CLOSED);
        allow(PROCESSING, SUCCEEDED, FAILED, CLOSED, CREATED);
        allow(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED);
        allow(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, REFUNDED);
        allow(FAILED);
        allow(CLOSED);
        allow(REFUNDED);
    }

    private static void allow(PaymentOrderState from, PaymentOrderState... to) {
        Set<PaymentOrderState> targets = EnumSet.noneOf(PaymentOrderState.class);
        targets.addAll(Set.of(to));
        NEXT.put(from, Collections.unmodifiableSet(targets));
    }

    public boolean canTransitionTo(PaymentOrderState next) {
        return NEXT.get(this).contains(next);
    }

    public Set<PaymentOrderState> next() {
        return NEXT.get(this);
    }

    /** No transition leaves this state. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** The payer's money reached the channel (whatever was refunded since). */
    public boolean isPaid() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** The outcome with the channel is settled: paid, failed or closed. */
    public boolean isSettledOutcome() {
        return isPaid() || this == FAILED || this == CLOSED;
    }
}
