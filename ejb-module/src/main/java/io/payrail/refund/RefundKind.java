package io.payrail.refund;

/** Who asked for a refund. */
public enum RefundKind {
    /** The merchant, through the API. */
    MERCHANT,
    /** The platform: the payment arrived after its order was closed (or failed) and is not the merchant's. */
    LATE_PAYMENT
}
