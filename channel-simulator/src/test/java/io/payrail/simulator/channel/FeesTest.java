package io.payrail.simulator.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeesTest {

    @ParameterizedTest
    @CsvSource({"60, 1000, 6", "60, 1050, 6", "60, 1075, 6", "60, 1085, 7", "60, 1250, 8", "60, 1, 0",
            "35, 2500, 9", "38, 1999, 8", "0, 1000, 0", "10000, 1000, 1000", "60, 9223372036854775807, 55340232221128655"})
    void aFeeIsTheRateOfTheAmountRoundedHalfEven(long bps, long amount, long fee) {
        assertThat(new Fees(bps).applyAsLong(new Money(amount, "USD"))).isEqualTo(fee);
    }

    @ParameterizedTest
    @CsvSource({"-1", "10001"})
    void aRateIsZeroToOneHundredPercent(long bps) {
        assertThatThrownBy(() -> new Fees(bps)).isInstanceOf(IllegalArgumentException.class);
    }
}
