package io.payrail.sdk.signing;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The protocol's signature algorithms. The token names one on the wire: the Authorization scheme
 * is {@code PAYRAIL-} and the token, and Payrail names the algorithm of its own signatures in
 * {@code Payrail-Signature-Algorithm}. ECDSA signatures are DER (an ASN.1 SEQUENCE of r and s),
 * as the JDK and {@code openssl dgst -sign} make them; never IEEE P1363 r||s.
 */
public enum SignatureAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256, RSA keys of 2048 bits or more: the default. */
    RSA_2048("SHA256-RSA2048", "SHA256withRSA"),
    /** ECDSA with SHA-256 on P-256 (secp256r1, prime256v1): much cheaper to sign and verify. */
    ECDSA_P256("SHA256-ECDSA-P256", "SHA256withECDSA");

    public static final int MIN_RSA_BITS = 2048;
    private static final String SCHEME_PREFIX = "PAYRAIL-";

    private final String token;
    private final String jcaName;

    SignatureAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** As on the wire, e.g. {@code SHA256-ECDSA-P256}. */
    public String token() {
        return token;
    }

    /** The Authorization scheme, e.g. {@code PAYRAIL-SHA256-ECDSA-P256}. */
    public String scheme() {
        return SCHEME_PREFIX + token;
    }

    /** The JCA name of the signature, e.g. {@code SHA256withECDSA}. */
    public String jcaName() {
        return jcaName;
    }

    public static Optional<SignatureAlgorithm> ofToken(String token) {
        return Arrays.stream(values()).filter(a -> a.token.equals(token)).findFirst();
    }

    /**
     * The algorithm a key signs or verifies with.
     *
     * @throws IllegalArgumentException for an RSA key under {@value #MIN_RSA_BITS} bits, an EC key on
     *                                  another curve than P-256, or a key of another kind
     */
    public static SignatureAlgorithm of(Key key) {
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new IllegalArgumentException("the RSA key has " + bits + " bits; Payrail requires RSA keys of "
                        + MIN_RSA_BITS + " bits or more");
            }
            return RSA_2048;
        }
        if (key instanceof ECKey ec) {
            if (!isP256(ec.getParams())) {
                throw new IllegalArgumentException("the EC key is not on P-256 (secp256r1), the only curve Payrail takes");
            }
            return ECDSA_P256;
        }
        throw new IllegalArgumentException("a " + (key == null ? "missing" : key.getAlgorithm())
                + " key; Payrail signs with RSA (2048 bits or more) or EC P-256 keys");
    }

    public byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(jcaName);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with the private key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} verifies; false for a malformed signature or a key of another kind. */
    public boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(jcaName);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        try {
            AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
            p256.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec expected = p256.getParameterSpec(ECParameterSpec.class);
            return params.getCurve().equals(expected.getCurve()) && params.getGenerator().equals(expected.getGenerator())
                    && params.getOrder().equals(expected.getOrder()) && params.getCofactor() == expected.getCofactor();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has P-256", e);
        }
    }
}
