package io.payrail.simulator.channel;

/** What a callback is about: the payment (order) or one of its refunds. */
public enum EventKind {
    PAYMENT,
    REFUND
}
