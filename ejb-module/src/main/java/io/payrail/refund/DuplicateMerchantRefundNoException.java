package io.payrail.refund;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;

/** Another request took the refund number first; the intake answers by replaying that refund. */
public class DuplicateMerchantRefundNoException extends PayrailException {
    private static final long serialVersionUID = 1L;

    public DuplicateMerchantRefundNoException(String merchantId, String merchantRefundNo) {
        super(ErrorCode.MERCHANT_REFUND_NO_CONFLICT,
                "merchant " + merchantId + " already has a refund numbered " + merchantRefundNo);
    }
}
