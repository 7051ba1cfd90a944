package io.payrail.simulator.bank;

/** The two final answers to a refund request; a failure or a timeout is not a status but a missing answer. */
public enum RefundStatus {
    /** The money went back to the payer. */
    REFUNDED,
    /** Certainly not refunded; see the {@link RefundRejectCode}. */
    REJECTED
}
