package io.payrail.vault;

import java.util.Map;

/**
 * The issuing bank of a card by its BIN (first six digits), as far as the platform knows it: the
 * simulator's test ranges. A production deployment would load a BIN table from its acquirer; a card
 * outside every known range is shown without an issuer rather than with a guessed one.
 */
public final class CardIssuers {

    /** Shown for a BIN no table names. */
    public static final String UNKNOWN = "Unknown issuer";

    private static final Map<String, String> BY_PREFIX = Map.of(
            "411111", "Payrail Test Bank",
            "400000", "Simulated Issuer",
            "555555", "Payrail Test Bank",
            "378282", "Payrail Test Bank");

    private CardIssuers() {
    }

    /** The issuer of a card whose number starts with {@code bin} (six digits). */
    public static String of(String bin) {
        return BY_PREFIX.getOrDefault(bin, UNKNOWN);
    }
}
