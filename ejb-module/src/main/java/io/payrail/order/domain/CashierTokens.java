package io.payrail.order.domain;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of a cashier URL: 24 random bytes (192 bits), base64url. Whoever holds the URL may see
 * and pay the order, as whoever holds a payment link may, so it is not guessable from the order id.
 */
public final class CashierTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CashierTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
