package io.payrail.simulator.channel.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.Decision;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCardsTest {

    @Test
    void everyTestCardPassesTheLuhnCheck() {
        for (String number : List.of(TestCards.APPROVED_VISA, TestCards.APPROVED_MASTERCARD, TestCards.INSUFFICIENT_FUNDS,
                TestCards.DO_NOT_HONOR, TestCards.EXPIRED_CARD, TestCards.INCORRECT_CVV, TestCards.LIMIT_EXCEEDED,
                TestCards.RISK_REJECTED, TestCards.NEEDS_CONFIRMATION)) {
            assertThat(TestCards.luhn(number)).as(number).isTrue();
        }
        assertThat(TestCards.luhn("4111111111111112")).isFalse();
    }

    @Test
    void unknownValidNumbersAreApproved() {
        assertThat(TestCards.decisionFor("4242424242424242")).isEqualTo(Decision.approve());
        assertThat(TestCards.decisionFor(TestCards.NEEDS_CONFIRMATION)).isEqualTo(Decision.awaitPayer());
    }

    @Test
    void numbersAndExpiriesAreCheckedWithoutRepeatingTheNumber() {
        assertThatThrownBy(() -> TestCards.requireNumber("4111 1111 1111 1111")).isInstanceOf(ChannelException.class)
                .message().doesNotContain("4111");
        assertThatThrownBy(() -> TestCards.requireNumber(null)).isInstanceOf(ChannelException.class);
        assertThat(TestCards.parseExpiry("02/31")).isEqualTo(YearMonth.of(2031, 2));
        assertThatThrownBy(() -> TestCards.parseExpiry("2/31")).isInstanceOf(ChannelException.class);
        assertThatThrownBy(() -> TestCards.parseExpiry("00/31")).isInstanceOf(ChannelException.class);
        assertThatThrownBy(() -> TestCards.parseExpiry("12/2031")).isInstanceOf(ChannelException.class);
    }
}
