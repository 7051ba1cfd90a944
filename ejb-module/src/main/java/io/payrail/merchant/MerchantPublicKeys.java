package io.payrail.merchant;

import io.payrail.common.SignatureAlgorithm;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads merchants' public keys from PEM and refuses weak, unknown or malformed ones: RSA of at
 * least {@value #MIN_RSA_BITS} bits, or EC on P-256 and no other curve (the protocol names one
 * curve, so a merchant and Payrail can never disagree on which).
 */
public final class MerchantPublicKeys {

    public static final int MIN_RSA_BITS = 2048;
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final ECParameterSpec P256 = p256();

    private MerchantPublicKeys() {
    }

    /** A merchant's public key and the algorithm it verifies. */
    public record Parsed(SignatureAlgorithm algorithm, PublicKey key) {
    }

    /**
     * @throws IllegalArgumentException with a message fit for the caller when the PEM is not an
     *         X.509 SubjectPublicKeyInfo RSA key of at least {@value #MIN_RSA_BITS} bits or P-256 EC key
     */
    public static Parsed parse(String pem) {
        byte[] der = der(pem);
        PublicKey key = decode("RSA", der);
        if (key == null) {
            key = decode("EC", der);
        }
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new IllegalArgumentException("the RSA key has " + bits + " bits; at least " + MIN_RSA_BITS
                        + " are required: make one with 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048'");
            }
            return new Parsed(SignatureAlgorithm.RSA_2048, rsa);
        }
        if (key instanceof ECPublicKey ec) {
            if (!isP256(ec.getParams())) {
                throw new IllegalArgumentException("the EC key is on a curve of " + ec.getParams().getCurve().getField()
                        .getFieldSize() + " bits other than P-256; make a P-256 key with"
                        + " 'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256'");
            }
            return new Parsed(SignatureAlgorithm.ECDSA_P256, ec);
        }
        throw new IllegalArgumentException("the PEM holds neither an RSA nor an EC public key;"
                + " register an RSA (2048 bits or more) or EC P-256 key (docs/authentication.md section 1)");
    }

    /** An RSA key only (channels sign with RSA), checked like a merchant's. */
    public static RSAPublicKey parseRsa(String pem) {
        if (parse(pem).key() instanceof RSAPublicKey rsa) {
            return rsa;
        }
        throw new IllegalArgumentException("the PEM holds an EC key where an RSA key is expected");
    }

    /** SHA-256 of the key's DER encoding, in hex. */
    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] der(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no public key given");
        }
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException("expected a PEM block '" + BEGIN + "' ... '" + END + "'");
        }
        try {
            return Base64.getDecoder().decode(text.substring(BEGIN.length(), text.length() - END.length())
                    .replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not valid Base64", e);
        }
    }

    /** The key if {@code der} is a SubjectPublicKeyInfo of this algorithm, else null. */
    private static PublicKey decode(String algorithm, byte[] der) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException | RuntimeException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        return params.getCurve().equals(P256.getCurve()) && params.getGenerator().equals(P256.getGenerator())
                && params.getOrder().equals(P256.getOrder()) && params.getCofactor() == P256.getCofactor();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has P-256", e);
        }
    }
}
