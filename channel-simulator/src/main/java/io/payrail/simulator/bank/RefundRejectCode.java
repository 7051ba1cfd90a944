package io.payrail.simulator.bank;

/** Why the bank rejected a refund, with the text it shows; codes are stable, the text is not. */
public enum RefundRejectCode {
    /** The bank has no approved payment for the merchantRef (never paid, declined, or only failed). */
    NOT_CHARGED("No approved payment for this merchantRef"),
    /** The refunds already taken for the payment plus this one would exceed the amount charged. */
    EXCEEDS_CAPTURED("Refunds would exceed the amount charged"),
    /** The refund's currency is not the payment's. */
    CURRENCY_MISMATCH("Currency differs from the payment's");

    private final String message;

    RefundRejectCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
