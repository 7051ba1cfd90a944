package io.payrail.order.application;

import io.payrail.common.Money;
import io.payrail.order.domain.PaymentOrderState;

/**
 * A paid order as the refund side needs it: what was captured, where, under which reference, and for whom.
 *
 * @param channelRef the reference the payment was charged under at {@code channelId}
 */
public record RefundableOrder(String orderId, String merchantId, Money captured, String channelId,
                              PaymentOrderState state, String channelRef) {
}
