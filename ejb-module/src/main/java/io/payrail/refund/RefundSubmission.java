package io.payrail.refund;

import io.payrail.common.Money;

/**
 * What a channel needs to refund: the refund id is its idempotency key, the order id names the charge.
 *
 * @param attempt how many times the refund has been sent to its channel, this time included (0 when it
 *                is only being queried)
 */
public record RefundSubmission(String refundId, String paymentOrderId, Money amount, String channelId, int attempt) {

    /** True when an earlier send may have reached the channel: its refusal proves nothing. */
    public boolean resend() {
        return attempt > 1;
    }
}
