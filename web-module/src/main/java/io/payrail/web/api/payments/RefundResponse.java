package io.payrail.web.api.payments;

import io.payrail.refund.RefundState;
import io.payrail.refund.RefundView;
import java.time.Instant;

/** A refund as the merchant sees it. */
public record RefundResponse(String id, String paymentId, String merchantRefundNo, long amount, String currency,
                             String reason, RefundState state, String failureCode, String failureMessage,
                             Instant createdAt, Instant updatedAt, Instant finishedAt) {

    static RefundResponse of(RefundView v) {
        return new RefundResponse(v.id(), v.paymentOrderId(), v.merchantRefundNo(), v.amountMinor(), v.currency(),
                v.reason(), v.state(), v.failureCode(), v.failureMessage(), v.createdAt(), v.updatedAt(), v.finishedAt());
    }
}
