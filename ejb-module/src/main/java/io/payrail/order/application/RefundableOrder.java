package io.payrail.order.application;

import io.payrail.common.Money;
import io.payrail.order.domain.PaymentOrderState;

/** A paid order as the refund side needs it: what was captured, where, and for whom. */
public record RefundableOrder(String orderId, String merchantId, Money captured, String channelId,
                              PaymentOrderState state) {
}
