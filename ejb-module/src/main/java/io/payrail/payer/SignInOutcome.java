package io.payrail.payer;

/** The answer to a payer's sign-in: the payer's id, or why not. */
public record SignInOutcome(Status status, Long payerId) {

    /** Why a sign-in failed (or OK). */
    public enum Status {
        OK,
        /** Unknown login or wrong password: deliberately not told apart. */
        BAD_CREDENTIALS,
        /** Too many failures: locked for a while, even with the right password. */
        LOCKED,
        /** The password was right, but the registration code was never typed back. */
        NOT_VERIFIED
    }

    static SignInOutcome failed(Status status) {
        return new SignInOutcome(status, null);
    }
}
