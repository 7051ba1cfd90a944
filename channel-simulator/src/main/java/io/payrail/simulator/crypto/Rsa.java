package io.payrail.simulator.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;

/**
 * RSA PKCS#1 v1.5 signatures with SHA-256 ({@code SHA256withRSA}, JWS {@code RS256}, Alipay's
 * {@code RSA2}): one algorithm, three ways of framing it in the channels' protocols. The signature
 * is deterministic, which is what lets the protocol documents show worked examples.
 */
public final class Rsa {

    public static final String ALGORITHM = "SHA256withRSA";
    public static final int KEY_BITS = 2048;

    private Rsa() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** Standard base64 (with padding) of the signature. */
    public static String signBase64(PrivateKey key, byte[] message) {
        return Base64.getEncoder().encodeToString(sign(key, message));
    }

    /** False for a wrong signature, a wrong key, or a signature that is not even well-formed. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies a standard base64 signature; false when it is not base64 at all. */
    public static boolean verifyBase64(PublicKey key, byte[] message, String base64) {
        if (base64 == null) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(key, message, bytes);
    }
}
