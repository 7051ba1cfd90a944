package io.payrail.simulator.channel;

/** Why a payment was declined: stable codes, human text that may change. */
public enum DeclineReason {
    INSUFFICIENT_FUNDS("Insufficient funds"),
    DO_NOT_HONOR("Do not honor"),
    EXPIRED_CARD("Expired card"),
    INCORRECT_CVV("Incorrect security code"),
    LIMIT_EXCEEDED("Amount over the payer's limit"),
    RISK_REJECTED("Refused by risk control"),
    PAYER_DECLINED("The payer declined");

    private final String message;

    DeclineReason(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
