package io.payrail.simulator.bank;

/** The two final answers the bank gives; a failure or a timeout is not a status but a missing answer. */
public enum PaymentStatus {
    APPROVED,
    DECLINED
}
