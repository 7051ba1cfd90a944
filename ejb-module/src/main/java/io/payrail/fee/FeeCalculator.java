package io.payrail.fee;

import io.payrail.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The fee arithmetic, stated once. All amounts are integers of the currency's minor unit, so a fee
 * is rounded to that unit whatever the currency's exponent: cents for USD (2 decimals), yen for
 * JPY (0), fils for BHD (3). The rule:
 * <ol>
 * <li>variable part = amount × rateBps / 10,000, rounded <b>half up</b> (half away from zero) to the
 *     minor unit;</li>
 * <li>fee = variable part + fixed part, then raised to the minimum and lowered to the maximum;</li>
 * <li>never more than the amount itself (a 1-cent payment is not charged 30 cents).</li>
 * </ol>
 * Refunds under {@link RefundPolicy#PRO_RATA} give back shares computed on the running total, so
 * the shares of any sequence of partial refunds add up to exactly the fee once the payment is fully
 * refunded.
 */
public final class FeeCalculator {

    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private FeeCalculator() {
    }

    /** The fee for a payment of {@code amount} under {@code terms}. */
    public static Money fee(Money amount, FeeTerms terms) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a payment amount is never negative: " + amount);
        }
        long variable = BigDecimal.valueOf(amount.minorUnits()).multiply(BigDecimal.valueOf(terms.rateBps()))
                .divide(BPS, 0, RoundingMode.HALF_UP).longValueExact();
        long fee = Math.addExact(variable, terms.fixedMinor());
        fee = Math.max(fee, terms.minMinor());
        if (terms.maxMinor() != null) {
            fee = Math.min(fee, terms.maxMinor());
        }
        return Money.ofMinor(Math.min(fee, amount.minorUnits()), amount.currency());
    }

    /**
     * The share of {@code fee} that a refund of {@code refund} gives back, after earlier refunds of
     * {@code refundedBefore} of a capture of {@code captured}.
     */
    public static Money feeRefund(Money captured, Money fee, Money refundedBefore, Money refund, RefundPolicy policy) {
        if (refund.isNegative() || refundedBefore.isNegative() || refundedBefore.plus(refund).greaterThan(captured)) {
            throw new IllegalArgumentException("refunds of " + refundedBefore + " and " + refund
                    + " do not fit a capture of " + captured);
        }
        if (policy == RefundPolicy.KEEP || fee.isZero()) {
            return Money.zero(fee.currency());
        }
        return shareOf(fee, refundedBefore.plus(refund), captured).minus(shareOf(fee, refundedBefore, captured));
    }

    /** fee × part / whole, rounded half up to the minor unit. */
    private static Money shareOf(Money fee, Money part, Money whole) {
        long share = BigDecimal.valueOf(fee.minorUnits()).multiply(BigDecimal.valueOf(part.minorUnits()))
                .divide(BigDecimal.valueOf(whole.minorUnits()), 0, RoundingMode.HALF_UP).longValueExact();
        return Money.ofMinor(share, fee.currency());
    }
}
