package io.payrail.simulator.bank;

import io.payrail.simulator.InvalidRequestException;

/**
 * A merchant's refund request as the bank accepts it. Like {@link PaymentRequest}, the constructor
 * is the validation: an instance exists only if every field is usable.
 *
 * @param merchantRef the payment to refund, by the merchant's reference it was paid with
 * @param refundRef   the merchant's reference for this refund, the refund's idempotency key
 * @param amount      amount to give back, in the currency's minor unit, strictly positive
 * @param currency    ISO 4217 alphabetic code; must be the payment's
 */
public record RefundRequest(String merchantRef, String refundRef, long amount, String currency) {

    public RefundRequest {
        require(merchantRef != null, "merchantRef is required");
        require(PaymentRequest.MERCHANT_REF.matcher(merchantRef).matches(),
                "merchantRef must be 1-64 characters of A-Z a-z 0-9 _ . : -");
        require(refundRef != null, "refundRef is required");
        require(PaymentRequest.MERCHANT_REF.matcher(refundRef).matches(),
                "refundRef must be 1-64 characters of A-Z a-z 0-9 _ . : -");
        require(amount > 0, "amount must be a positive integer in minor units");
        require(currency != null, "currency is required");
        require(PaymentRequest.CURRENCY.matcher(currency).matches(),
                "currency must be three upper-case letters (ISO 4217)");
    }

    /** Whether the bank reads a request with this refundRef as a retry of the recorded refund. */
    boolean sameAs(RefundResult recorded) {
        return merchantRef.equals(recorded.merchantRef()) && amount == recorded.requestedAmount()
                && currency.equals(recorded.requestedCurrency());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRequestException(message);
        }
    }
}
