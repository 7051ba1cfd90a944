package io.payrail.simulator.bank;

/** Why the bank declined, with the text it shows; codes are stable, the text is not. */
public enum DeclineCode {
    INSUFFICIENT_FUNDS("Insufficient funds"),
    DO_NOT_HONOR("Do not honor");

    private final String message;

    DeclineCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
