package io.payrail.instrument;

/**
 * A card the platform refuses before it goes anywhere. {@link #reason()} is stable (the cashier shows
 * a message per reason); the message never contains the number.
 */
public class InvalidCardException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong, for the payer. */
    public enum Reason {
        /** Not 13 to 19 digits, a length the card's scheme does not issue, or a wrong check digit. */
        NUMBER_INVALID,
        /** The expiry is not MM/YY (or MM/YYYY), or not a month. */
        EXPIRY_INVALID,
        /** The card expired before the current month. */
        EXPIRED,
        /** The security code is not 3 digits (4 for American Express). */
        CVV_INVALID,
        /** The name on the card is longer than 64 characters or has control characters. */
        HOLDER_INVALID
    }

    private final Reason reason;

    public InvalidCardException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
