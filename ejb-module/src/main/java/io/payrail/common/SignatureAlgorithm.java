package io.payrail.common;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Optional;

/**
 * The signature algorithms of the protocol (docs/authentication.md), for merchants' requests and
 * the platform's answers alike. The token names the algorithm on the wire: after {@code PAYRAIL-}
 * as the Authorization scheme, as is in {@code Payrail-Signature-Algorithm}. ECDSA signatures are
 * DER (ASN.1 SEQUENCE of r and s), what both the JDK and {@code openssl dgst -sign} produce, so a
 * merchant needs no conversion to IEEE P1363 r||s.
 */
public enum SignatureAlgorithm {
    /** RSASSA-PKCS1-v1_5 over SHA-256, 2048 bits or more: the default, what every merchant had first. */
    RSA_2048("SHA256-RSA2048", "SHA256withRSA", "RSA"),
    /** ECDSA on P-256 (secp256r1, prime256v1) over SHA-256, DER-encoded. */
    ECDSA_P256("SHA256-ECDSA-P256", "SHA256withECDSA", "EC");

    public static final String SCHEME_PREFIX = "PAYRAIL-";

    private final String token;
    private final String jcaName;
    private final String keyAlgorithm;

    SignatureAlgorithm(String token, String jcaName, String keyAlgorithm) {
        this.token = token;
        this.jcaName = jcaName;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** As on the wire, e.g. {@code SHA256-ECDSA-P256}. */
    public String token() {
        return token;
    }

    /** The Authorization scheme of a request signed with this algorithm, e.g. {@code PAYRAIL-SHA256-RSA2048}. */
    public String scheme() {
        return SCHEME_PREFIX + token;
    }

    public static Optional<SignatureAlgorithm> ofToken(String token) {
        return Arrays.stream(values()).filter(a -> a.token.equals(token)).findFirst();
    }

    /**
     * The algorithm a key signs with, by its JCA algorithm name. The caller has checked the key's
     * size or curve (merchant keys at registration, the platform's when it is made).
     */
    public static SignatureAlgorithm of(Key key) {
        return Arrays.stream(values()).filter(a -> a.keyAlgorithm.equals(key.getAlgorithm())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a " + key.getAlgorithm()
                        + " key; Payrail signs with RSA (2048 bits or more) or EC P-256 keys"));
    }

    /** Whether {@code signature} is this algorithm's signature of {@code data} by {@code key}; false for a key of another type. */
    public boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        if (!keyAlgorithm.equals(key.getAlgorithm())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jcaName);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance(jcaName);
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " signing failed: " + e.getMessage(), e);
        }
    }
}
