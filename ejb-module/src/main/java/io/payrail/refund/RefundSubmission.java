package io.payrail.refund;

import io.payrail.common.Money;

/** What a channel needs to refund: the refund id is its idempotency key, the order id names the charge. */
public record RefundSubmission(String refundId, String paymentOrderId, Money amount, String channelId) {
}
