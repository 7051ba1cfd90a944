package io.payrail.common;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The slow hash of every secret a person types (staff and payer passwords, payers' one-time
 * codes): PBKDF2-HMAC-SHA256 in Jakarta Security's format, the iterations stored in each hash so
 * that raising {@code payrail.staff.pbkdf2-iterations} leaves old hashes readable. Also the fast
 * SHA-256 of bearer tokens (random, long: nothing to guess) and the random values they are made of.
 */
@Dependent
public class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A hash of nothing anyone knows, verified for unknown accounts so they cost the same time. */
    private static final String DUMMY_HASH = "PBKDF2WithHmacSHA256:210000:AAAAAAAAAAAAAAAAAAAAAA==:"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @Inject
    private Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "payrail.staff.pbkdf2-iterations", defaultValue = "210000")
    int iterations;

    public String hash(String secret) {
        return hasher().generate(secret.toCharArray());
    }

    public boolean verify(String secret, String storedHash) {
        return secret != null && hasher().verify(secret.toCharArray(), storedHash);
    }

    /**
     * The work of one verification, for an account that does not exist: the answer's timing does
     * not tell which ids or logins exist.
     */
    public void verifyNothing() {
        hasher().verify("not a password".toCharArray(), DUMMY_HASH);
    }

    private Pbkdf2PasswordHash hasher() {
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16", "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        return hash;
    }

    /** The hex SHA-256 under which a bearer token is kept. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bytes} random bytes, URL-safe base64 without padding. */
    public static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A random decimal code of {@code digits} digits (leading zeros kept). */
    public static String digits(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }
}
