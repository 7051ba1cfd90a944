package io.payrail.discrepancy;

/** What disagrees. */
public enum DiscrepancyKind {
    /** The channel took (or gave back) another amount of the right currency. */
    AMOUNT_MISMATCH,
    /** The channel took (or gave back) money of another currency. */
    CURRENCY_MISMATCH
}
