package io.payrail.web.api.payments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/payments/{id}/refunds}; the currency is the payment's. */
public record CreateRefundRequest(
        @NotBlank(message = ApiPatterns.REFERENCE_RULE) @Size(max = 64, message = ApiPatterns.REFERENCE_RULE)
        @Pattern(regexp = ApiPatterns.REFERENCE, message = ApiPatterns.REFERENCE_RULE) String merchantRefundNo,
        @NotNull(message = ApiPatterns.AMOUNT_RULE) @Positive(message = ApiPatterns.AMOUNT_RULE)
        @Max(value = ApiPatterns.MAX_AMOUNT_MINOR, message = ApiPatterns.AMOUNT_RULE) Long amount,
        @Size(max = 128, message = REASON_RULE) @Pattern(regexp = ApiPatterns.TEXT, message = REASON_RULE) String reason) {

    static final String REASON_RULE = "must be at most 128 characters, without control characters or line breaks";
}
