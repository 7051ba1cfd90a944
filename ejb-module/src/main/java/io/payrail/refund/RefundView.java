package io.payrail.refund;

import java.time.Instant;

/** What the outside world may know of a refund. */
public record RefundView(String id, String paymentOrderId, String merchantId, String merchantRefundNo, long amountMinor,
                         String currency, String reason, RefundState state, String failureCode, String failureMessage,
                         Instant createdAt, Instant updatedAt, Instant finishedAt) {

    static RefundView of(Refund r) {
        return new RefundView(r.id(), r.paymentOrderId(), r.merchantId(), r.merchantRefundNo(), r.amount().minorUnits(),
                r.amount().currencyCode(), r.reason(), r.state(), r.failureCode(), r.failureMessage(), r.createdAt(),
                r.updatedAt(), r.finishedAt());
    }
}
