package io.payrail.staff;

/** The answer to a sign-in: the identity, or why not. */
public record LoginOutcome(Status status, StaffIdentity identity) {

    /** Why a sign-in failed (or OK). */
    public enum Status {
        OK,
        /** Unknown id, wrong password or a disabled account: deliberately not told apart. */
        BAD_CREDENTIALS,
        /** Too many failures: locked for a while, even with the right password. */
        LOCKED,
        /** The password was right; the account has TOTP and the code was missing or wrong. */
        TOTP_REQUIRED
    }

    static LoginOutcome failed(Status status) {
        return new LoginOutcome(status, null);
    }
}
