package io.payrail.discrepancy;

/** What disagrees. */
public enum DiscrepancyKind {
    /** The channel took (or gave back) another amount of the right currency. */
    AMOUNT_MISMATCH,
    /** The channel took (or gave back) money of another currency. */
    CURRENCY_MISMATCH,
    /** The channel deducted another fee on a payment than its contract allows; the difference is claimed in suspense. */
    FEE_MISMATCH,
    /** The channel's statement lists a payment or refund the platform has no record of. */
    MISSING_AT_PLATFORM,
    /** The platform moved money that the channel's statement of that day does not list. */
    MISSING_AT_CHANNEL,
    /** The channel moved money for an order or refund the platform holds as not paid (failed, closed, pending, paid twice). */
    STATE_MISMATCH
}
