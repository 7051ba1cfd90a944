package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PaymentRequestTest {

    @Test
    void acceptsAPlatformOrder() {
        PaymentRequest request = new PaymentRequest("pay_01JD6V3Q8K2M4N5P6R7S8T9V0W", 1000, "USD", "Coffee", "BANK_CARD");
        assertThat(request.amount()).isEqualTo(1000);
    }

    @Test
    void acceptsAnEmptySubject() {
        assertThat(new PaymentRequest("pay_1", 1, "EUR", "", "WALLET").subject()).isEmpty();
    }

    @Test
    void refusesWhatABankWouldRefuse() {
        assertInvalid(null, 1000, "USD", "s", "BANK_CARD", "merchantRef is required");
        assertInvalid("", 1000, "USD", "s", "BANK_CARD", "merchantRef must be");
        assertInvalid("pay/1", 1000, "USD", "s", "BANK_CARD", "merchantRef must be");
        assertInvalid("p".repeat(65), 1000, "USD", "s", "BANK_CARD", "merchantRef must be");
        assertInvalid("pay_1", 0, "USD", "s", "BANK_CARD", "amount must be a positive");
        assertInvalid("pay_1", -5, "USD", "s", "BANK_CARD", "amount must be a positive");
        assertInvalid("pay_1", 1000, null, "s", "BANK_CARD", "currency is required");
        assertInvalid("pay_1", 1000, "usd", "s", "BANK_CARD", "currency must be");
        assertInvalid("pay_1", 1000, "US", "s", "BANK_CARD", "currency must be");
        assertInvalid("pay_1", 1000, "USD", null, "BANK_CARD", "subject is required");
        assertInvalid("pay_1", 1000, "USD", "s".repeat(257), "BANK_CARD", "subject must be");
        assertInvalid("pay_1", 1000, "USD", "s", null, "method is required");
        assertInvalid("pay_1", 1000, "USD", "s", "card", "method must be");
    }

    private static void assertInvalid(String ref, long amount, String currency, String subject, String method,
                                      String message) {
        assertThatThrownBy(() -> new PaymentRequest(ref, amount, currency, subject, method))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message);
    }
}
