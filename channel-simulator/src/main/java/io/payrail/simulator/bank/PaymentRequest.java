package io.payrail.simulator.bank;

import io.payrail.simulator.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A merchant's pay request as the bank accepts it. The constructor is the bank's validation: an
 * instance exists only if every field is usable, so nothing downstream checks again.
 *
 * @param merchantRef the merchant's reference, the bank's idempotency key
 * @param amount      amount in the currency's minor unit (cents), strictly positive
 * @param currency    ISO 4217 alphabetic code; only its form is checked
 * @param subject     what is paid for, shown on the payer's statement
 * @param method      how the payer pays; recorded, not interpreted, in phase 1
 */
public record PaymentRequest(String merchantRef, long amount, String currency, String subject, String method) {

    /**
     * Safe in a URL path segment and a log line; long enough for the platform's ULID order ids.
     * Refund references follow the same rule ({@link RefundRequest}).
     */
    static final Pattern MERCHANT_REF = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final int MAX_SUBJECT = 256;

    public PaymentRequest {
        require(merchantRef != null, "merchantRef is required");
        require(MERCHANT_REF.matcher(merchantRef).matches(),
                "merchantRef must be 1-64 characters of A-Z a-z 0-9 _ . : -");
        require(amount > 0, "amount must be a positive integer in minor units");
        require(currency != null, "currency is required");
        require(CURRENCY.matcher(currency).matches(), "currency must be three upper-case letters (ISO 4217)");
        require(subject != null, "subject is required");
        require(subject.length() <= MAX_SUBJECT, "subject must be at most " + MAX_SUBJECT + " characters");
        require(method != null, "method is required");
        require(METHOD.matcher(method).matches(), "method must be an upper-case code such as BANK_CARD");
    }

    /**
     * Checks a merchant reference that comes without a request body (a close's path); throws
     * {@link InvalidRequestException} if it breaks the rule a pay request's reference follows.
     */
    public static String requireMerchantRef(String merchantRef) {
        require(merchantRef != null, "merchantRef is required");
        require(MERCHANT_REF.matcher(merchantRef).matches(),
                "merchantRef must be 1-64 characters of A-Z a-z 0-9 _ . : -");
        return merchantRef;
    }

    /** Whether the bank would read a request with this reference as a retry of this one. */
    boolean sameMoneyAs(PaymentResult recorded) {
        return amount == recorded.requestedAmount() && currency.equals(recorded.requestedCurrency());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRequestException(message);
        }
    }
}
