package io.payrail.order.domain;

/** How the payer pays; the router picks a channel that serves the method. */
public enum PaymentMethod {
    /** A bank card (debit or credit) through a card gateway. */
    BANK_CARD,
    /** A card bound once by agreement, then paid with a one-time code. */
    QUICK_PAY,
    /** A third-party wallet balance, confirmed by the payer in the wallet. */
    WALLET
}
