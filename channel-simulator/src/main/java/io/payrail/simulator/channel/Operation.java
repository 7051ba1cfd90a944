package io.payrail.simulator.channel;

/** The kinds of request a failure (5xx, slow answer) can be aimed at. */
public enum Operation {
    /** Pay, create an order (wallet), quick-pay payment. */
    PAY,
    QUERY,
    CLOSE,
    REFUND,
    /** Quick pay's bind, bind confirmation and one-time code requests. */
    BIND,
    STATEMENT
}
