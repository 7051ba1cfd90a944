package io.payrail.merchant;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Reads merchants' RSA public keys from PEM and refuses weak or malformed ones. */
public final class RsaKeys {

    public static final int MIN_BITS = 2048;
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private RsaKeys() {
    }

    /**
     * @throws IllegalArgumentException with a message fit for the caller when the PEM is not an
     *         X.509 SubjectPublicKeyInfo RSA key of at least {@value #MIN_BITS} bits
     */
    public static RSAPublicKey parsePublicKey(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no public key given");
        }
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException("expected a PEM block '" + BEGIN + "' ... '" + END + "'");
        }
        String base64 = text.substring(BEGIN.length(), text.length() - END.length()).replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey rsa = (RSAPublicKey) key;
            if (rsa.getModulus().bitLength() < MIN_BITS) {
                throw new IllegalArgumentException("the key has " + rsa.getModulus().bitLength()
                        + " bits; at least " + MIN_BITS + " are required");
            }
            return rsa;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("bits")) {
                throw e;
            }
            throw new IllegalArgumentException("the PEM body is not valid Base64", e);
        } catch (InvalidKeySpecException | ClassCastException e) {
            throw new IllegalArgumentException("the PEM does not hold an RSA public key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }

    /** SHA-256 of the key's DER encoding, in hex. */
    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
