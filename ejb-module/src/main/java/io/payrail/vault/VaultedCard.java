package io.payrail.vault;

/**
 * What everyone outside the vault may know of a saved card.
 *
 * @param brand the scheme's display name ("Visa")
 */
public record VaultedCard(String token, String brand, String issuer, String last4) {

    /** "Visa •••• 1111", as the cashier and the payment attempt show it. */
    public String describe() {
        return brand + " •••• " + last4;
    }
}
