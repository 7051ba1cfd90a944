package io.payrail.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Failed sign-ins in a row and the lock they lead to, kept in an account's row (staff and payers
 * alike): the {@code maxFailures}-th failure locks the account until a given time and starts the
 * count again; a success clears both.
 */
@Embeddable
public class SignInLockout {

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failure; at {@code maxFailures} the account locks until {@code lockUntil}. */
    public void failed(int maxFailures, Instant lockUntil) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = lockUntil;
            failedLogins = 0;
        }
    }

    /** A success, or an unlock by someone entitled to it. */
    public void clear() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public int failedLogins() {
        return failedLogins;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
