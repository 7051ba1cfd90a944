package io.payrail.ledger;

/**
 * The kinds of account; an account is a type plus an owner (a channel id, a merchant id, or
 * {@code PLATFORM}) plus a currency.
 */
public enum AccountType {
    /** Money a channel has collected for us and owes us (asset; owner: channel). */
    CHANNEL_RECEIVABLE,
    /** Money we owe a merchant that is not yet settled (liability; owner: merchant). */
    MERCHANT_PENDING,
    /** Settled to the merchant's payable balance (liability; owner: merchant). */
    MERCHANT_PAYABLE,
    /** Our fees (revenue; owner: PLATFORM). */
    PLATFORM_FEE_REVENUE,
    /** Refunds sent to a channel and not yet confirmed (owner: channel). */
    REFUNDS_IN_FLIGHT,
    /** Unexplained differences found by reconciliation (owner: channel). */
    SUSPENSE
}
