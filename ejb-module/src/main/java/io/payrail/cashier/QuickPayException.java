package io.payrail.cashier;

/**
 * QUICKPAY refused a step of binding or of asking for a payment code. {@link #code()} is QUICKPAY's
 * (OTP_INVALID, OTP_EXPIRED, BIND_FAILED, CARD_EXPIRED, AGREEMENT_NOT_FOUND, ...) or UNAVAILABLE when
 * it could not be reached: the cashier shows a message per code, and nothing was charged.
 */
public class QuickPayException extends Exception {

    private static final long serialVersionUID = 1L;

    /** QUICKPAY could not be reached or its answer could not be trusted. */
    public static final String UNAVAILABLE = "UNAVAILABLE";

    private final String code;
    private final Integer attemptsLeft;

    public QuickPayException(String code, String message, Integer attemptsLeft) {
        super(message);
        this.code = code == null ? UNAVAILABLE : code;
        this.attemptsLeft = attemptsLeft;
    }

    public String code() {
        return code;
    }

    /** For OTP_INVALID: how many more codes the payer may try; else null. */
    public Integer attemptsLeft() {
        return attemptsLeft;
    }
}
