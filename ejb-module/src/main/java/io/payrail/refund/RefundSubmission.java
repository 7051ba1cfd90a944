package io.payrail.refund;

import io.payrail.common.Money;

/**
 * What a channel needs to refund: the refund id is its idempotency key, the payment's reference at the
 * channel names the charge.
 *
 * @param paymentReference the reference the payment was charged under at the channel (the order id, or a
 *                         cashier attempt's {@code "<order id>.<n>"})
 * @param attempt          how many times the refund has been sent to its channel, this time included (0
 *                         when it is only being queried)
 */
public record RefundSubmission(String refundId, String paymentOrderId, String paymentReference, Money amount,
                               String channelId, int attempt) {

    /** A refund of a payment charged under its order id. */
    public RefundSubmission(String refundId, String paymentOrderId, Money amount, String channelId, int attempt) {
        this(refundId, paymentOrderId, paymentOrderId, amount, channelId, attempt);
    }

    /** True when an earlier send may have reached the channel: its refusal proves nothing. */
    public boolean resend() {
        return attempt > 1;
    }
}
