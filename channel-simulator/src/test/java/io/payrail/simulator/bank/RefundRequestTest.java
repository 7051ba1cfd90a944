package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.InvalidRequestException;
import org.junit.jupiter.api.Test;

class RefundRequestTest {

    @Test
    void acceptsAPlatformRefund() {
        RefundRequest request = new RefundRequest("pay_01JD6V3Q8K2M4N5P6R7S8T9V0W", "rfd_01JD6V3Q8K2M4N5P6R7S8T9V0X",
                300, "USD");
        assertThat(request.amount()).isEqualTo(300);
    }

    @Test
    void refusesWhatABankWouldRefuse() {
        assertInvalid(null, "rfd_1", 300, "USD", "merchantRef is required");
        assertInvalid("pay/1", "rfd_1", 300, "USD", "merchantRef must be");
        assertInvalid("pay_1", null, 300, "USD", "refundRef is required");
        assertInvalid("pay_1", "", 300, "USD", "refundRef must be");
        assertInvalid("pay_1", "rfd 1", 300, "USD", "refundRef must be");
        assertInvalid("pay_1", "r".repeat(65), 300, "USD", "refundRef must be");
        assertInvalid("pay_1", "rfd_1", 0, "USD", "amount must be a positive");
        assertInvalid("pay_1", "rfd_1", -1, "USD", "amount must be a positive");
        assertInvalid("pay_1", "rfd_1", 300, null, "currency is required");
        assertInvalid("pay_1", "rfd_1", 300, "usd", "currency must be");
    }

    private static void assertInvalid(String merchantRef, String refundRef, long amount, String currency,
                                      String message) {
        assertThatThrownBy(() -> new RefundRequest(merchantRef, refundRef, amount, currency))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message);
    }
}
