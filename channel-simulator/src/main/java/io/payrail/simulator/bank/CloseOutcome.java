package io.payrail.simulator.bank;

/** What a close request did to a reference. */
public enum CloseOutcome {
    /** The reference was open and not charged (declined or never decided): it is closed now. */
    CLOSED,
    /** The reference was closed before: nothing changed. */
    ALREADY_CLOSED,
    /** The reference was charged (approved): it cannot be closed, nothing changed (409 ORDER_PAID). */
    PAID
}
