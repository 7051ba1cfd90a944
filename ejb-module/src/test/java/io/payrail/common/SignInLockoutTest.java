package io.payrail.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lock-out rule staff and payers share: the n-th failure in a row locks, until its time. */
class SignInLockoutTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant UNTIL = NOW.plus(Duration.ofMinutes(15));

    @Test
    void theLastAllowedFailureLocksUntilItsTimeAndTheCountStartsAgain() {
        SignInLockout lockout = new SignInLockout();
        for (int i = 1; i < 5; i++) {
            lockout.failed(5, UNTIL);
            assertThat(lockout.isLocked(NOW)).as("after %d failures", i).isFalse();
        }
        lockout.failed(5, UNTIL);
        assertThat(lockout.isLocked(NOW)).isTrue();
        assertThat(lockout.isLocked(UNTIL.minusMillis(1))).isTrue();
        assertThat(lockout.isLocked(UNTIL)).as("the lock ends at its time").isFalse();
        assertThat(lockout.failedLogins()).isZero();
    }

    @Test
    void aSuccessForgetsEarlierFailuresAndAnyLock() {
        SignInLockout lockout = new SignInLockout();
        for (int i = 0; i < 4; i++) {
            lockout.failed(5, UNTIL);
        }
        lockout.clear();
        lockout.failed(5, UNTIL);
        assertThat(lockout.isLocked(NOW)).as("one failure after a success").isFalse();
        for (int i = 0; i < 4; i++) {
            lockout.failed(5, UNTIL);
        }
        assertThat(lockout.isLocked(NOW)).isTrue();
        lockout.clear();
        assertThat(lockout.isLocked(NOW)).isFalse();
        assertThat(lockout.lockedUntil()).isNull();
    }
}
