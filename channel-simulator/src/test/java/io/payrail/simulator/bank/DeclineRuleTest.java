package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeclineRuleTest {

    @ParameterizedTest
    @ValueSource(longs = {13, 113, 1013, 99_913, 1_000_000_013L})
    void amountsEndingIn13AreDeclinedForInsufficientFunds(long amount) {
        assertThat(DeclineRule.declineFor(amount)).contains(DeclineCode.INSUFFICIENT_FUNDS);
    }

    @ParameterizedTest
    @ValueSource(longs = {14, 1014, 5514})
    void amountsEndingIn14AreNotHonored(long amount) {
        assertThat(DeclineRule.declineFor(amount)).contains(DeclineCode.DO_NOT_HONOR);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 12, 15, 100, 130, 131, 140, 1000, 1012, 1015, 1300, 1400, Long.MAX_VALUE})
    void everythingElseIsApproved(long amount) {
        assertThat(DeclineRule.declineFor(amount)).isEmpty();
    }
}
