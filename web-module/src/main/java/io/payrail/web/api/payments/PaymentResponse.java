package io.payrail.web.api.payments;

import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.order.domain.PaymentOrderState;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment order as the merchant sees it. */
@Schema(name = "Payment")
public record PaymentResponse(
        @Schema(description = "Payrail's id of the payment", example = "pay_01JH8Z6V0Q3K7ZV2D9W4T0M5XE") String id,
        String merchantId,
        String merchantOrderNo,
        @Schema(description = "Amount in minor units") long amount,
        String currency,
        String subject,
        PaymentMethod paymentMethod,
        @Schema(description = "CREATED, PROCESSING, SUCCEEDED, FAILED, CLOSED, PARTIALLY_REFUNDED or REFUNDED")
        PaymentOrderState state,
        @Schema(description = "Why the channel declined, when state is FAILED") String failureCode,
        String failureMessage,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "When the outcome became known") Instant finishedAt) {

    static PaymentResponse of(PaymentOrderView v) {
        return new PaymentResponse(v.id(), v.merchantId(), v.merchantOrderNo(), v.amountMinor(), v.currency(),
                v.subject(), v.paymentMethod(), v.state(), v.failureCode(), v.failureMessage(), v.createdAt(),
                v.updatedAt(), v.finishedAt());
    }
}
