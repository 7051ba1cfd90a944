package io.payrail.order.application;

import io.payrail.audit.TransitionSource;

/**
 * What to do with a payment that arrives for an order already CLOSED or FAILED (implemented by
 * the refund area, which gives the money back).
 */
public interface LatePaymentPolicy {

    /** Called in the transaction that learned of the payment. */
    void arrived(PaymentOrderView order, String channelTxnId, TransitionSource source);
}
