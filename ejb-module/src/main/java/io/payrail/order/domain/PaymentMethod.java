package io.payrail.order.domain;

/** How the payer pays; the router picks a channel that serves the method. */
public enum PaymentMethod {
    /** A bank card (debit or credit) through a card gateway. */
    BANK_CARD,
    /** A card bound once by agreement, then paid with a one-time code. */
    QUICK_PAY,
    /** A third-party wallet balance, confirmed by the payer in the wallet. */
    WALLET,
    /**
     * The payer chooses at the cashier (cashierUrl): the order waits in CREATED until the payer starts
     * an attempt with one of the others, and is never routed by this value itself.
     */
    CASHIER;

    /** The methods a payer can choose at the cashier. */
    public boolean payerSelectable() {
        return this != CASHIER;
    }
}
