package io.payrail.order.application;

import io.payrail.common.Money;
import io.payrail.order.domain.PaymentMethod;

/** What a channel needs to charge one order; {@code orderId} is the channel's idempotency key. */
public record ChannelSubmission(String orderId, String merchantId, Money amount, String subject,
                                PaymentMethod paymentMethod, String channelId) {
}
