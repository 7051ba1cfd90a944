package io.payrail.common;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Generates identifiers of the form {@code prefix_} + 26 Crockford base-32 characters: 48 bits
 * of milliseconds then 80 random bits (the ULID layout). Time-ordered ids keep InnoDB inserts
 * at the end of the primary key; the random part makes them unguessable.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "_" + ulid(Instant.now().toEpochMilli());
    }

    static String ulid(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] out = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits → 16 characters of 5 bits
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xff);
        }
        for (int i = 0; i < 8; i++) {
            out[17 - i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
            out[25 - i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }
}
