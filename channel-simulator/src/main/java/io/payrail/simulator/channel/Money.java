package io.payrail.simulator.channel;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An amount in the currency's minor unit (cents) with its ISO 4217 code. Only the code's form is
 * checked, as a channel would pass unknown currencies on to its acquirer.
 */
public record Money(long amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount <= 0) {
            throw new ChannelException(ChannelError.INVALID_REQUEST, "amount must be a positive integer in minor units");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new ChannelException(ChannelError.INVALID_REQUEST,
                    "currency must be three upper-case letters (ISO 4217)");
        }
    }

    /** For people: {@code 10.00 USD}, {@code 1000 JPY}; unknown currencies get two decimals. */
    public String display() {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return BigDecimal.valueOf(amount, digits).toPlainString() + " " + currency;
    }

    @Override
    public String toString() {
        return amount + " " + currency;
    }
}
