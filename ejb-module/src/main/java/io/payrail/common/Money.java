package io.payrail.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency, held as a whole number of the currency's minor unit (cents, fen,
 * yen). Immutable; arithmetic across currencies is refused; overflow is an error, never a wrap.
 */
public final class Money implements Comparable<Money> {

    private final long minorUnits;
    private final Currency currency;

    private Money(long minorUnits, Currency currency) {
        this.minorUnits = minorUnits;
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /** {@code minorUnits} of {@code currency}; the currency must have a minor unit (not XAU, XXX...). */
    public static Money ofMinor(long minorUnits, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency of payment");
        }
        return new Money(minorUnits, currency);
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return ofMinor(minorUnits, Currencies.require(currencyCode));
    }

    /** Parses a decimal major-unit amount ("12.34" USD); more decimals than the currency has are refused. */
    public static Money parse(String decimal, String currencyCode) {
        Currency currency = Currencies.require(currencyCode);
        BigDecimal value = new BigDecimal(decimal);
        try {
            long minor = value.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
            return ofMinor(minor, currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(decimal + " is not an exact amount of " + currencyCode, e);
        }
    }

    public static Money zero(Currency currency) {
        return ofMinor(0, currency);
    }

    public long minorUnits() {
        return minorUnits;
    }

    public Currency currency() {
        return currency;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** The amount in major units at the currency's scale, e.g. 1234 USD cents → 12.34. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    public boolean greaterThan(Money other) {
        return compareTo(other) > 0;
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.minorUnits == minorUnits && m.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minorUnits) * 31 + currency.hashCode();
    }

    /** "12.34 USD": for logs and messages, never for parsing. */
    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }

    /** Arithmetic or comparison across two currencies. */
    public static final class CurrencyMismatchException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        CurrencyMismatchException(Currency a, Currency b) {
            super("cannot combine " + a.getCurrencyCode() + " with " + b.getCurrencyCode());
        }
    }
}
