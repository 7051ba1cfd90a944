package io.payrail.fee;

/** What a refund does to the fee its payment was charged. */
public enum RefundPolicy {
    /**
     * The refund gives back the fee's share of what it refunds: after refunds totalling R of a
     * capture A with fee F, F × R / A (rounded half up to the minor unit) has been given back, so a
     * full refund gives back the whole fee, to the minor unit, however it was split.
     */
    PRO_RATA,
    /** The fee is kept whatever is refunded (the work was done). */
    KEEP
}
