package io.payrail.web.api.payments;

import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.order.domain.PaymentOrderState;
import java.time.Instant;

/** A payment order as the merchant sees it. */
public record PaymentResponse(String id, String merchantOrderNo, long amount, String currency, String subject,
                              PaymentMethod paymentMethod, PaymentOrderState state, String failureCode,
                              String failureMessage, String payUrl, Instant createdAt, Instant updatedAt,
                              Instant expiresAt, Instant finishedAt) {

    static PaymentResponse of(PaymentOrderView v) {
        return new PaymentResponse(v.id(), v.merchantOrderNo(), v.amountMinor(), v.currency(), v.subject(),
                v.paymentMethod(), v.state(), v.failureCode(), v.failureMessage(), v.payUrl(), v.createdAt(),
                v.updatedAt(), v.expiresAt(), v.finishedAt());
    }
}
