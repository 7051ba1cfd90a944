package io.payrail.order.domain;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;

/** A transition the state machine does not allow; never a silent overwrite. */
public class IllegalStateTransitionException extends PayrailException {
    private static final long serialVersionUID = 1L;

    private final PaymentOrderState from;
    private final PaymentOrderState to;

    public IllegalStateTransitionException(String orderId, PaymentOrderState from, PaymentOrderState to) {
        super(ErrorCode.ILLEGAL_STATE_TRANSITION,
                "payment " + orderId + " is " + from + " and cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public PaymentOrderState from() {
        return from;
    }

    public PaymentOrderState to() {
        return to;
    }
}
