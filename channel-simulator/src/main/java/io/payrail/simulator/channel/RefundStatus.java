package io.payrail.simulator.channel;

/** A refund is accepted as PROCESSING (asynchronous channels) or done at once as SUCCEEDED. */
public enum RefundStatus {
    PROCESSING,
    SUCCEEDED
}
