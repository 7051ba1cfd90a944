package io.payrail.simulator.bank;

import java.util.Objects;

/**
 * The bank's decision on one refund reference, made once and then repeated to every retry. The
 * payment's reference, the amount and the currency are kept for rejections too: they are what a
 * later request with the same refundRef is compared with.
 *
 * @param refundId   the bank's id for the decision ({@code sr_...}), also for a rejection
 * @param reasonCode null when refunded
 */
public record RefundResult(String refundRef, String merchantRef, String refundId, RefundStatus status,
                           long amount, String currency, RefundRejectCode reasonCode) {

    public RefundResult {
        Objects.requireNonNull(refundRef, "refundRef");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        if ((status == RefundStatus.REJECTED) != (reasonCode != null)) {
            throw new IllegalArgumentException("a reason code comes with REJECTED and only with it");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("a refund amount is positive");
        }
    }

    /**
     * Decides a refund against the payment it names.
     *
     * @param payment  the decision on the payment, or null when the bank has none
     * @param refunded what was already refunded of it, in its currency
     */
    static RefundResult decide(RefundRequest request, String refundId, PaymentResult payment, long refunded) {
        RefundRejectCode reject = null;
        if (payment == null || !payment.charged()) {
            reject = RefundRejectCode.NOT_CHARGED;
        } else if (!payment.currency().equals(request.currency())) {
            reject = RefundRejectCode.CURRENCY_MISMATCH;
        } else if (request.amount() > payment.amount() - refunded) {
            // refunded never exceeds the amount charged, so the subtraction cannot overflow
            reject = RefundRejectCode.EXCEEDS_CAPTURED;
        }
        return new RefundResult(request.refundRef(), request.merchantRef(), refundId,
                reject == null ? RefundStatus.REFUNDED : RefundStatus.REJECTED, request.amount(),
                request.currency(), reject);
    }

    /** Whether money went back: a rejection moves none. */
    public boolean refunded() {
        return status == RefundStatus.REFUNDED;
    }

    /** The rejection's text, or null when refunded. */
    public String message() {
        return reasonCode == null ? null : reasonCode.message();
    }
}
