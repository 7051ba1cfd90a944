package io.payrail.web.api.payments;

import io.payrail.order.domain.PaymentMethod;
import io.payrail.web.api.validation.PayableCurrency;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/payments}; the merchant is the one that signed the request.
 * {@code expiresInSeconds} (optional, 60 s to 7 days, default 30 minutes): an unpaid order is
 * closed then.
 */
public record CreatePaymentRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = ApiPatterns.REFERENCE) String merchantOrderNo,
        @NotNull @Positive @Max(ApiPatterns.MAX_AMOUNT_MINOR) Long amount,
        @NotNull @PayableCurrency String currency,
        @NotBlank @Size(max = 128) @Pattern(regexp = ApiPatterns.TEXT) String subject,
        @NotNull PaymentMethod paymentMethod,
        @Min(60) @Max(7 * 24 * 3600) Integer expiresInSeconds) {
}
