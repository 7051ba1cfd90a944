package io.payrail.web.api.payments;

import io.payrail.order.domain.PaymentMethod;
import io.payrail.web.api.validation.PayableCurrency;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/payments}. */
public record CreatePaymentRequest(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*") String merchantId,

        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]*") String merchantOrderNo,

        @NotNull @Positive @Max(PaymentLimits.MAX_AMOUNT_MINOR) Long amount,

        @NotNull @PayableCurrency String currency,

        @NotBlank @Size(max = 128) String subject,

        @NotNull PaymentMethod paymentMethod) {
}
