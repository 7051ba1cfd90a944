package io.payrail.web.api.payments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/payments/{id}/refunds}; the currency is the payment's. */
public record CreateRefundRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = ApiPatterns.REFERENCE) String merchantRefundNo,
        @NotNull @Positive @Max(ApiPatterns.MAX_AMOUNT_MINOR) Long amount,
        @Size(max = 128) @Pattern(regexp = ApiPatterns.TEXT) String reason) {
}
