package io.payrail.simulator.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * One refund of a paid order, identified by the platform's refund reference (its idempotency key)
 * and the channel's refund id.
 *
 * @param completedAt when the money went back (SUCCEEDED), else null
 * @param completesAt for a PROCESSING refund, when the channel will complete it
 */
public record Refund(String refundRef, String refundId, String merchantRef, String transactionId, Money money,
                     String reason, RefundStatus status, Instant createdAt, Instant completedAt, Instant completesAt) {

    public Refund {
        Objects.requireNonNull(refundRef, "refundRef");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(money, "money");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        reason = reason == null ? "" : reason;
        if ((status == RefundStatus.SUCCEEDED) != (completedAt != null)) {
            throw new IllegalArgumentException("completedAt is set exactly when SUCCEEDED");
        }
    }

    public Refund succeeded(Instant at) {
        return new Refund(refundRef, refundId, merchantRef, transactionId, money, reason, RefundStatus.SUCCEEDED,
                createdAt, at, null);
    }
}
