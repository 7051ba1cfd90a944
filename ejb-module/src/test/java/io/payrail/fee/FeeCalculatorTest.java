package io.payrail.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.Money;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The fee rule of docs/settlement.md, with its worked examples, and its refund shares. */
class FeeCalculatorTest {

    private static FeeTerms terms(int bps, long fixed) {
        return new FeeTerms(bps, fixed, 0, null, RefundPolicy.PRO_RATA);
    }

    @Test
    void basisPointsPlusTheFixedPartRoundedHalfUpToTheCurrencysMinorUnit() {
        // 2.9 % + 0.30 USD on 10.00 USD: 29 + 30 cents
        assertThat(FeeCalculator.fee(Money.ofMinor(1000, "USD"), terms(290, 30))).isEqualTo(Money.ofMinor(59, "USD"));
        // JPY has no decimals: 3.6 % of 1,000 yen is 36 yen
        assertThat(FeeCalculator.fee(Money.ofMinor(1000, "JPY"), terms(360, 0))).isEqualTo(Money.ofMinor(36, "JPY"));
        // BHD has three: 2.5 % of 1.234 BHD is 30.85 fils, 31 fils
        assertThat(FeeCalculator.fee(Money.ofMinor(1234, "BHD"), terms(250, 0))).isEqualTo(Money.ofMinor(31, "BHD"));
        // exactly half a minor unit goes up: 0.5 % of 11.00 EUR is 5.5 cents, 6 cents
        assertThat(FeeCalculator.fee(Money.ofMinor(1100, "EUR"), terms(50, 0))).isEqualTo(Money.ofMinor(6, "EUR"));
        // below half goes down: 2.5 % of 10.02 USD is 25.05 cents, 25 cents
        assertThat(FeeCalculator.fee(Money.ofMinor(1002, "USD"), terms(250, 0))).isEqualTo(Money.ofMinor(25, "USD"));
    }

    @Test
    void theMinimumAndMaximumBoundTheFeeAndNoFeeExceedsThePayment() {
        FeeTerms bounded = new FeeTerms(100, 0, 50, 500L, RefundPolicy.KEEP);
        assertThat(FeeCalculator.fee(Money.ofMinor(1000, "USD"), bounded)).isEqualTo(Money.ofMinor(50, "USD"));
        assertThat(FeeCalculator.fee(Money.ofMinor(10_000, "USD"), bounded)).isEqualTo(Money.ofMinor(100, "USD"));
        assertThat(FeeCalculator.fee(Money.ofMinor(1_000_000, "USD"), bounded)).isEqualTo(Money.ofMinor(500, "USD"));
        assertThat(FeeCalculator.fee(Money.ofMinor(1, "USD"), terms(290, 30))).isEqualTo(Money.ofMinor(1, "USD"));
        assertThat(FeeCalculator.fee(Money.ofMinor(1000, "USD"), FeeTerms.FREE).isZero()).isTrue();
    }

    @Test
    void proRataSharesOfThreePartialRefundsAddUpToTheWholeFee() {
        Money captured = Money.ofMinor(1000, "USD");
        Money fee = Money.ofMinor(59, "USD");
        Money first = FeeCalculator.feeRefund(captured, fee, Money.ofMinor(0, "USD"), Money.ofMinor(333, "USD"),
                RefundPolicy.PRO_RATA);
        Money second = FeeCalculator.feeRefund(captured, fee, Money.ofMinor(333, "USD"), Money.ofMinor(333, "USD"),
                RefundPolicy.PRO_RATA);
        Money third = FeeCalculator.feeRefund(captured, fee, Money.ofMinor(666, "USD"), Money.ofMinor(334, "USD"),
                RefundPolicy.PRO_RATA);
        assertThat(List.of(first.minorUnits(), second.minorUnits(), third.minorUnits())).containsExactly(20L, 19L, 20L);
        assertThat(FeeCalculator.feeRefund(captured, fee, Money.ofMinor(0, "USD"), captured, RefundPolicy.KEEP).isZero())
                .isTrue();
    }

    @Test
    void aRefundBeyondTheCaptureIsRefused() {
        Money captured = Money.ofMinor(1000, "USD");
        assertThatThrownBy(() -> FeeCalculator.feeRefund(captured, Money.ofMinor(59, "USD"), Money.ofMinor(900, "USD"),
                Money.ofMinor(101, "USD"), RefundPolicy.PRO_RATA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void anySplitOfAFullRefundGivesBackExactlyTheFee(@ForAll @LongRange(min = 1, max = 10_000_000) long amount,
                                                      @ForAll @IntRange(max = 1_000) int bps,
                                                      @ForAll @LongRange(max = 1_000) long fixed,
                                                      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 100) Integer> weights) {
        Money captured = Money.ofMinor(amount, "EUR");
        Money fee = FeeCalculator.fee(captured, terms(bps, fixed));
        assertThat(fee.minorUnits()).isBetween(0L, amount);
        List<Long> parts = split(amount, weights);
        Money refunded = Money.ofMinor(0, "EUR");
        long given = 0;
        for (long part : parts) {
            Money share = FeeCalculator.feeRefund(captured, fee, refunded, Money.ofMinor(part, "EUR"),
                    RefundPolicy.PRO_RATA);
            assertThat(share.minorUnits()).isNotNegative();
            given += share.minorUnits();
            refunded = refunded.plus(Money.ofMinor(part, "EUR"));
        }
        assertThat(given).isEqualTo(fee.minorUnits());
    }

    /** {@code total} in parts proportional to the weights; the last part takes the remainder. */
    private static List<Long> split(long total, List<Integer> weights) {
        long sum = weights.stream().mapToLong(Integer::longValue).sum();
        List<Long> parts = new ArrayList<>();
        long left = total;
        for (int i = 0; i < weights.size() - 1 && left > 0; i++) {
            long part = Math.max(1, Math.min(left, total * weights.get(i) / sum));
            parts.add(part);
            left -= part;
        }
        if (left > 0) {
            parts.add(left);
        }
        return parts;
    }
}
