package io.payrail.sdk.signing;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Request nonces: 32 characters of {@code [A-Za-z0-9_-]} from a {@link SecureRandom}. The alphabet
 * has exactly 64 characters, so each character carries 6 unbiased bits (192 in all): two
 * requests never share a nonce, and nobody can guess the next one.
 */
public final class Nonces {

    /** The protocol's rule for a nonce, for requests and platform responses alike. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    public static final int LENGTH = 32;

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {
    }

    public static String next() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    public static boolean isValid(String nonce) {
        return nonce != null && FORMAT.matcher(nonce).matches();
    }
}
