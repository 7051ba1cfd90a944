package io.payrail.order.application;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;

/**
 * Another request inserted the same merchant order number first (the unique constraint said so).
 * The intake answers it by replaying the order that won.
 */
public class DuplicateMerchantOrderNoException extends PayrailException {
    private static final long serialVersionUID = 1L;

    public DuplicateMerchantOrderNoException(String merchantId, String merchantOrderNo) {
        super(ErrorCode.MERCHANT_ORDER_NO_CONFLICT,
                "merchant " + merchantId + " already has an order numbered " + merchantOrderNo);
    }
}
