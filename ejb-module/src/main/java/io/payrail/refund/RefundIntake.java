package io.payrail.refund;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Creates refunds exactly once per (merchant, merchant refund number), like {@code PaymentIntake}. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefundIntake {

    @Inject
    private RefundService refunds;

    public RefundService.RefundResult create(CreateRefundCommand command) {
        return refunds.replay(command).orElseGet(() -> {
            try {
                return refunds.createNew(command);
            } catch (DuplicateMerchantRefundNoException raced) {
                return refunds.replay(command).orElseThrow(() -> new PayrailException(ErrorCode.INTERNAL_ERROR,
                        "the refund that won the race for " + command.merchantRefundNo() + " is not visible; retry"));
            }
        });
    }
}
