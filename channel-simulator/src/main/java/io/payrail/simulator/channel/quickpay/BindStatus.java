package io.payrail.simulator.channel.quickpay;

/** A card binding: waiting for the SMS code, bound (an agreement exists), or failed (too many wrong codes). */
public enum BindStatus {
    OTP_SENT,
    BOUND,
    FAILED
}
