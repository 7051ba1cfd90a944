package io.payrail.web.api.payments;

import io.payrail.order.domain.PaymentMethod;
import io.payrail.web.api.validation.PayableCurrency;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/payments}. */
@Schema(name = "CreatePaymentRequest")
public record CreatePaymentRequest(
        @Schema(description = "Your merchant id", example = "M100001")
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*") String merchantId,

        @Schema(description = "Your order number: unique per merchant, and the idempotency key of this call",
                example = "ORDER-2026-0001")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]*") String merchantOrderNo,

        @Schema(description = "Amount in the currency's minor unit (cents for USD, yen for JPY)", example = "1999")
        @NotNull @Positive @Max(PaymentLimits.MAX_AMOUNT_MINOR) Long amount,

        @Schema(description = "ISO 4217 code", example = "USD")
        @NotNull @PayableCurrency String currency,

        @Schema(description = "What is bought, shown to the payer", example = "Blue T-shirt")
        @NotBlank @Size(max = 128) String subject,

        @Schema(description = "How the payer pays")
        @NotNull PaymentMethod paymentMethod) {
}
