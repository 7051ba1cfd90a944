package io.payrail.simulator.bank;

import io.payrail.simulator.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A transfer (payout) request as the bank accepts it: send {@code amount} from the merchant's (the
 * platform's) account to a beneficiary's account. The constructor is the bank's validation.
 *
 * @param transferRef        the sender's reference, the bank's idempotency key
 * @param amount             minor units, strictly positive
 * @param beneficiaryAccount the account to credit: 8-34 characters of A-Z 0-9 (an IBAN's alphabet)
 * @param beneficiaryName    who holds it, 1-128 characters
 */
public record TransferRequest(String transferRef, long amount, String currency, String beneficiaryAccount,
                              String beneficiaryName) {

    private static final Pattern ACCOUNT = Pattern.compile("[A-Z0-9]{8,34}");
    private static final int MAX_NAME = 128;

    public TransferRequest {
        require(transferRef != null, "transferRef is required");
        require(PaymentRequest.MERCHANT_REF.matcher(transferRef).matches(),
                "transferRef must be 1-64 characters of A-Z a-z 0-9 _ . : -");
        require(amount > 0, "amount must be a positive integer in minor units");
        require(currency != null && PaymentRequest.CURRENCY.matcher(currency).matches(),
                "currency must be three upper-case letters (ISO 4217)");
        require(beneficiaryAccount != null && ACCOUNT.matcher(beneficiaryAccount).matches(),
                "beneficiaryAccount must be 8-34 characters of A-Z 0-9 (an IBAN without spaces, for example)");
        require(beneficiaryName != null && !beneficiaryName.isBlank() && beneficiaryName.length() <= MAX_NAME,
                "beneficiaryName must be 1-" + MAX_NAME + " characters");
    }

    /** Whether the bank would read a request with this reference as a retry of this one. */
    boolean sameAs(TransferResult recorded) {
        return amount == recorded.amount() && currency.equals(recorded.currency())
                && beneficiaryAccount.equals(recorded.beneficiaryAccount());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRequestException(message);
        }
    }
}
