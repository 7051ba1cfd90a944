package io.payrail.simulator.bank;

import io.payrail.simulator.fault.MoneyOverride;
import java.util.Objects;

/**
 * The bank's decision on one refund reference, made once and then repeated to every retry. The
 * payment's reference, the amount and the currency are kept for rejections too.
 *
 * <p>{@code amount} and {@code currency} are what the bank gave back and reports; for a rejection,
 * what was asked. {@code requestedAmount} and {@code requestedCurrency} are what the refund request
 * asked: a later request with the same refundRef is compared with them. The two differ only when
 * the operator made the bank give back other money on purpose ({@code refundOverrides}).
 *
 * @param refundId   the bank's id for the decision ({@code sr_...}), also for a rejection
 * @param reasonCode null when refunded
 */
public record RefundResult(String refundRef, String merchantRef, String refundId, RefundStatus status,
                           long amount, String currency, RefundRejectCode reasonCode, long requestedAmount,
                           String requestedCurrency) {

    public RefundResult {
        Objects.requireNonNull(refundRef, "refundRef");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(requestedCurrency, "requestedCurrency");
        if ((status == RefundStatus.REJECTED) != (reasonCode != null)) {
            throw new IllegalArgumentException("a reason code comes with REJECTED and only with it");
        }
        if (amount <= 0 || requestedAmount <= 0) {
            throw new IllegalArgumentException("a refund amount is positive");
        }
        if (status == RefundStatus.REJECTED && (amount != requestedAmount || !currency.equals(requestedCurrency))) {
            throw new IllegalArgumentException("a rejection gives nothing back, so it reports the money asked");
        }
    }

    /** A decision on the money asked, as a well-behaved bank makes it. */
    public RefundResult(String refundRef, String merchantRef, String refundId, RefundStatus status, long amount,
                        String currency, RefundRejectCode reasonCode) {
        this(refundRef, merchantRef, refundId, status, amount, currency, reasonCode, amount, currency);
    }

    /**
     * Decides a refund against the payment it names, on the money asked; a refund that is made gives
     * back the override's money instead, when there is one.
     *
     * @param payment  the decision on the payment, or null when the bank has none
     * @param refunded what was already given back of it, in its currency; never negative
     * @param override null to give back what was asked
     */
    static RefundResult decide(RefundRequest request, String refundId, PaymentResult payment, long refunded,
                               MoneyOverride override) {
        RefundRejectCode reject = null;
        if (payment == null || !payment.charged()) {
            reject = RefundRejectCode.NOT_CHARGED;
        } else if (!payment.currency().equals(request.currency())) {
            reject = RefundRejectCode.CURRENCY_MISMATCH;
        } else if (request.amount() > payment.amount() - refunded) {
            // both are non-negative, so the subtraction cannot overflow
            reject = RefundRejectCode.EXCEEDS_CAPTURED;
        }
        if (reject != null || override == null) {
            return new RefundResult(request.refundRef(), request.merchantRef(), refundId,
                    reject == null ? RefundStatus.REFUNDED : RefundStatus.REJECTED, request.amount(),
                    request.currency(), reject);
        }
        return new RefundResult(request.refundRef(), request.merchantRef(), refundId, RefundStatus.REFUNDED,
                override.amountOr(request.amount()), override.currencyOr(request.currency()), null,
                request.amount(), request.currency());
    }

    /** Whether money went back: a rejection moves none. */
    public boolean refunded() {
        return status == RefundStatus.REFUNDED;
    }

    /** Whether the bank gave back other money than it was asked for (a failure injected on purpose). */
    public boolean overridden() {
        return amount != requestedAmount || !currency.equals(requestedCurrency);
    }

    /** The rejection's text, or null when refunded. */
    public String message() {
        return reasonCode == null ? null : reasonCode.message();
    }
}
