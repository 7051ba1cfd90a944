package io.payrail.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.Currencies;
import io.payrail.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settlement schedule and net, as docs/settlement.md states them. */
class SettlementRulesTest {

    @Test
    void aMovementIsSettledOnItsUtcDayPlusTheMerchantsDelay() {
        Instant lateEvening = Instant.parse("2026-03-01T23:59:59.999Z");
        assertThat(SettlementRules.settlementDay(lateEvening, SettlementRules.DEFAULT_DELAY_DAYS))
                .isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(SettlementRules.settlementDay(Instant.parse("2026-03-02T00:00:00Z"), 3))
                .isEqualTo(LocalDate.parse("2026-03-05"));
        assertThatThrownBy(() -> SettlementRules.settlementDay(lateEvening, 31))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNetIsCapturesLessFeesLessRefundsPlusTheFeeGivenBack() {
        List<SettlementLine> lines = List.of(
                new SettlementLine(SettlementLine.Kind.CAPTURE, "ord_1", Money.ofMinor(10_000, "USD"),
                        Money.ofMinor(320, "USD")),
                new SettlementLine(SettlementLine.Kind.REFUND, "rfd_1", Money.ofMinor(2_500, "USD"),
                        Money.ofMinor(80, "USD")));
        Money net = SettlementRules.net(Currencies.require("USD"), lines);
        assertThat(net).isEqualTo(Money.ofMinor(10_000 - 320 - 2_500 + 80, "USD"));
        assertThat(SettlementRules.payable(net)).isTrue();
        assertThat(SettlementRules.payable(Money.ofMinor(0, "USD"))).as("nothing to pay is carried forward").isFalse();
    }

    @Test
    void aLineCannotChargeMoreFeeThanItMoves() {
        assertThatThrownBy(() -> new SettlementLine(SettlementLine.Kind.CAPTURE, "ord_1", Money.ofMinor(10, "JPY"),
                Money.ofMinor(11, "JPY"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettlementLine(SettlementLine.Kind.CAPTURE, "ord_1", Money.ofMinor(10, "JPY"),
                Money.ofMinor(1, "BHD"))).isInstanceOf(Money.CurrencyMismatchException.class);
    }
}
