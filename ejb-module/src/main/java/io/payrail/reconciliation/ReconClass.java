package io.payrail.reconciliation;

/** How reconciliation classified a statement line (or a platform movement the statement lacks). */
public enum ReconClass {
    /** The channel moved exactly what the platform booked. */
    MATCHED,
    /** Matched, but on a later day's statement than the platform's day: its missing-at-channel case closes itself. */
    CROSS_DAY,
    /** The platform has no order or refund for the line. */
    MISSING_AT_PLATFORM,
    /** The platform moved money the channel's statement of that day does not list. */
    MISSING_AT_CHANNEL,
    /** Same movement, another amount. */
    AMOUNT_MISMATCH,
    /** Same movement, another currency. */
    CURRENCY_MISMATCH,
    /**
     * Same payment, same money, but the channel deducted another fee than its contract allows
     * ({@link ChannelFeeContracts}). The payment itself is reconciled: the merchant is settled.
     */
    FEE_MISMATCH,
    /** The channel moved money for an order or refund the platform holds as not paid (failed, closed, pending, taken twice). */
    STATE_MISMATCH
}
