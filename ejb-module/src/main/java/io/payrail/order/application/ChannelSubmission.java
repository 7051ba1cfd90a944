package io.payrail.order.application;

import io.payrail.common.Money;
import io.payrail.order.domain.PaymentMethod;

/**
 * What a channel needs to charge one order; {@code orderId} is the channel's idempotency key.
 *
 * @param channelId the channel that already holds the order (an earlier dispatch sent it there), or
 *                  null when the router may choose
 */
public record ChannelSubmission(String orderId, String merchantId, Money amount, String subject,
                                PaymentMethod paymentMethod, String channelId) {

    /** True when an earlier dispatch may have sent this very request: its refusal proves nothing. */
    public boolean resend() {
        return channelId != null;
    }
}
