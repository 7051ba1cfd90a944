package io.payrail.order.application;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Creates payment orders exactly once per (merchant, merchant order number). Runs outside a
 * transaction so that each step below is its own: look for an earlier order; insert; and if a
 * concurrent request won the race on the unique key, replay the order it created.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentIntake {

    @Inject
    private PaymentOrderService orders;

    /**
     * @return the new order ({@code created}), or the earlier one for an identical request
     * @throws PayrailException MERCHANT_ORDER_NO_CONFLICT when the number was used with other parameters
     */
    public CreatePaymentResult create(CreatePaymentCommand command) {
        return orders.replay(command).orElseGet(() -> {
            try {
                return orders.createNew(command);
            } catch (DuplicateMerchantOrderNoException raced) {
                return orders.replay(command).orElseThrow(() -> new PayrailException(ErrorCode.INTERNAL_ERROR,
                        "the order that won the race for " + command.merchantOrderNo() + " is not visible; retry"));
            }
        });
    }
}
