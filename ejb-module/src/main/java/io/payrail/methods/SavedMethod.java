package io.payrail.methods;

/**
 * One saved method as the payer sees it; the vault token and the agreement id stay inside this package
 * and the cashier.
 *
 * @param kind        CARD or QUICK_PAY
 * @param vaultToken  the card's vault entry (CARD), else null
 * @param agreementId QUICKPAY's agreement (QUICK_PAY), else null
 */
public record SavedMethod(String id, long payerId, Kind kind, String vaultToken, String agreementId, String brand,
                          String issuer, String last4, boolean isDefault) {

    /** What a saved method is. */
    public enum Kind {
        CARD, QUICK_PAY
    }

    /** "Visa •••• 1111". */
    public String describe() {
        return brand + " •••• " + last4;
    }

    @Override
    public String toString() {
        return "SavedMethod[" + id + ", payer " + payerId + ", " + kind + ", " + describe() + "]";
    }
}
