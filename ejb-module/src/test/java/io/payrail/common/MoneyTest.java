package io.payrail.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void addsAndSubtractsInTheSameCurrency() {
        Money a = Money.ofMinor(1999, USD);
        Money b = Money.ofMinor(1, USD);
        assertThat(a.plus(b)).isEqualTo(Money.ofMinor(2000, USD));
        assertThat(a.minus(b)).isEqualTo(Money.ofMinor(1998, USD));
        assertThat(b.minus(a).isNegative()).isTrue();
        assertThat(a.negate().negate()).isEqualTo(a);
    }

    @Test
    void refusesToMixCurrencies() {
        Money usd = Money.ofMinor(100, USD);
        Money jpy = Money.ofMinor(100, JPY);
        assertThatThrownBy(() -> usd.plus(jpy)).isInstanceOf(Money.CurrencyMismatchException.class)
                .hasMessageContaining("USD").hasMessageContaining("JPY");
        assertThatThrownBy(() -> usd.minus(jpy)).isInstanceOf(Money.CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd.compareTo(jpy)).isInstanceOf(Money.CurrencyMismatchException.class);
        assertThat(usd).isNotEqualTo(jpy);
    }

    @Test
    void overflowIsAnErrorNotAWrap() {
        Money max = Money.ofMinor(Long.MAX_VALUE, USD);
        assertThatThrownBy(() -> max.plus(Money.ofMinor(1, USD))).isInstanceOf(ArithmeticException.class);
        Money min = Money.ofMinor(Long.MIN_VALUE, USD);
        assertThatThrownBy(min::negate).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.minus(Money.ofMinor(1, USD))).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @CsvSource({"1234,USD,12.34", "1234,JPY,1234", "1234,BHD,1.234", "5,EUR,0.05", "-250,USD,-2.50"})
    void decimalFormUsesTheCurrencysScale(long minor, String code, String decimal) {
        Money money = Money.ofMinor(minor, code);
        assertThat(money.toDecimal()).isEqualTo(new BigDecimal(decimal));
        assertThat(money.toDecimal().scale()).isEqualTo(Currency.getInstance(code).getDefaultFractionDigits());
    }

    @Test
    void parsesExactDecimalAmountsOnly() {
        assertThat(Money.parse("12.34", "USD")).isEqualTo(Money.ofMinor(1234, USD));
        assertThat(Money.parse("12.3", "USD")).isEqualTo(Money.ofMinor(1230, USD));
        assertThat(Money.parse("500", "JPY")).isEqualTo(Money.ofMinor(500, JPY));
        assertThatThrownBy(() -> Money.parse("12.345", "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XAU", "XXX", "XTS", "usd", "US", "USDX", "ABC", ""})
    void refusesCodesThatAreNotCurrenciesOfPayment(String code) {
        assertThatThrownBy(() -> Money.ofMinor(1, code)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Currencies.payable(code)).isEmpty();
    }

    @Test
    void equalityIsByAmountAndCurrency() {
        assertThat(Money.ofMinor(100, USD)).isEqualTo(Money.ofMinor(100, "USD"))
                .hasSameHashCodeAs(Money.ofMinor(100, USD));
        assertThat(Money.ofMinor(100, USD)).isNotEqualTo(Money.ofMinor(101, USD));
        assertThat(Money.ofMinor(1999, USD)).hasToString("19.99 USD");
        assertThat(Money.ofMinor(2, USD).greaterThan(Money.ofMinor(1, USD))).isTrue();
        assertThat(Money.zero(USD).isZero()).isTrue();
    }
}
