package io.payrail.order.application;

import io.payrail.audit.TransitionSource;
import io.payrail.common.Money;

/**
 * What to do with a payment the merchant must not get: one that arrives for an order already
 * CLOSED or FAILED, or one taken by a channel that does not hold the order (implemented by the
 * refund area, which gives the money back).
 */
public interface LatePaymentPolicy {

    /**
     * Called in the transaction that learned of the payment.
     *
     * @param channelId the channel that took the money
     * @param reference the reference it took the money under (the order id, or a cashier attempt's)
     * @param paid      what that channel says it took
     */
    void arrived(PaymentOrderView order, String channelId, String reference, String channelTxnId, Money paid,
                 TransitionSource source);
}
