package io.payrail.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks a card passes before it goes anywhere, and that nothing prints one. */
class CardDetailsTest {

    private static final Clock MARCH_2026 = Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource({
            "4111111111111111, VISA, 16",
            "4111 1111 1111 1111, VISA, 16",
            "5555-5555-5555-4444, MASTERCARD, 16",
            "2223003122003222, MASTERCARD, 16",
            "378282246310005, AMEX, 15",
            "6011111111111117, DISCOVER, 16",
            "3530111333300000, JCB, 16",
            "6212345678901265, UNIONPAY, 16",
            "30569309025904, DINERS, 14",
            "4000000000000002, VISA, 16"})
    void wellFormedNumbersOfEveryScheme(String typed, CardBrand brand, int length) throws InvalidCardException {
        CardNumber number = CardNumber.parse(typed);
        assertThat(number.brand()).isEqualTo(brand);
        assertThat(number.digits()).hasSize(length).matches("\\d+");
    }

    @ParameterizedTest(name = "[{index}] refused")
    @CsvSource({
            "4111111111111112",       // check digit
            "411111111111",           // 12 digits
            "41111111111111111111",   // 20 digits
            "4111x11111111111",       // a letter
            "555555555555444",        // a Mastercard of 15 digits
            "37828224631000",         // an American Express of 14 digits
            "''"})
    void badNumbersAreRefusedWithoutEchoingThem(String typed) {
        assertThatThrownBy(() -> CardNumber.parse(typed)).isInstanceOf(InvalidCardException.class)
                .satisfies(e -> {
                    assertThat(((InvalidCardException) e).reason()).isEqualTo(InvalidCardException.Reason.NUMBER_INVALID);
                    assertThat(e.getMessage()).doesNotContain(typed.isEmpty() ? "\u0000" : typed);
                });
    }

    @Test
    void aCardIsValidThroughItsExpiryMonth() throws InvalidCardException {
        assertThat(CardExpiry.parse("03/26", MARCH_2026).mmYy()).isEqualTo("03/26");
        assertThat(CardExpiry.parse("3 / 2027", MARCH_2026).mmYy()).isEqualTo("03/27");
        assertThatThrownBy(() -> CardExpiry.parse("02/26", MARCH_2026)).isInstanceOf(InvalidCardException.class)
                .extracting(e -> ((InvalidCardException) e).reason()).isEqualTo(InvalidCardException.Reason.EXPIRED);
        for (String bad : new String[] {"13/26", "00/27", "1226", "12-26", "12/2", "12/50"}) {
            assertThatThrownBy(() -> CardExpiry.parse(bad, MARCH_2026)).as(bad).isInstanceOf(InvalidCardException.class)
                    .extracting(e -> ((InvalidCardException) e).reason()).isEqualTo(InvalidCardException.Reason.EXPIRY_INVALID);
        }
    }

    @Test
    void theSecurityCodeHasTheSchemesLength() throws InvalidCardException {
        assertThat(CardDetails.of("4111111111111111", "12/30", "123", null, MARCH_2026).cvv()).isEqualTo("123");
        assertThat(CardDetails.of("378282246310005", "12/30", "1234", null, MARCH_2026).cvv()).isEqualTo("1234");
        for (String[] bad : new String[][] {{"4111111111111111", "1234"}, {"4111111111111111", "12a"},
                {"378282246310005", "123"}, {"4111111111111111", ""}}) {
            assertThatThrownBy(() -> CardDetails.of(bad[0], "12/30", bad[1], null, MARCH_2026))
                    .isInstanceOf(InvalidCardException.class)
                    .extracting(e -> ((InvalidCardException) e).reason()).isEqualTo(InvalidCardException.Reason.CVV_INVALID);
        }
    }

    @Test
    void nothingPrintsTheNumberOrTheSecurityCode() throws InvalidCardException {
        CardDetails card = CardDetails.of("4111 1111 1111 1111", "12/30", "987", "A. Payer", MARCH_2026);
        assertThat(card.toString()).doesNotContain("4111111111111111").doesNotContain("987").doesNotContain("12/30");
        assertThat(card.number().toString()).isEqualTo("Visa •••• 1111");
        assertThat(card.describe()).isEqualTo("Visa •••• 1111");
        QuickPayCode code = new QuickPayCode("qpa_1", "654321", "Visa •••• 1111");
        assertThat(code.toString()).doesNotContain("654321");
    }

    @Test
    void aSavedCardNeedsAFreshSecurityCodeAndAnUnexpiredMonth() throws InvalidCardException {
        CardNumber number = CardNumber.parse("4111111111111111");
        assertThat(CardDetails.saved(number, new CardExpiry(java.time.YearMonth.of(2026, 3)), "321", MARCH_2026).cvv())
                .isEqualTo("321");
        assertThatThrownBy(() -> CardDetails.saved(number, new CardExpiry(java.time.YearMonth.of(2026, 2)), "321",
                MARCH_2026)).isInstanceOf(InvalidCardException.class);
    }

    @Test
    void luhn() {
        assertThat(CardNumber.luhnValid("79927398713")).isTrue();
        assertThat(CardNumber.luhnValid("79927398710")).isFalse();
        assertThat(CardNumber.luhnValid("")).isFalse();
        assertThat(CardNumber.luhnValid("12a4")).isFalse();
    }
}
