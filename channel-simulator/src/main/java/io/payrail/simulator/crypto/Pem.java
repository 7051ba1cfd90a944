package io.payrail.simulator.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA keys and X.509 certificates as PEM text: {@code PRIVATE KEY} (PKCS#8), {@code PUBLIC KEY}
 * (X.509 SubjectPublicKeyInfo) and {@code CERTIFICATE}. Wherever a public key is read, a
 * certificate is accepted too, so a party can hand over either.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Pem() {
    }

    public static String encode(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    public static String encode(PublicKey key) {
        return block("PUBLIC KEY", key.getEncoded());
    }

    /** Reads a PKCS#8 {@code PRIVATE KEY} block holding an RSA key. */
    public static PrivateKey privateKey(String pem) {
        byte[] der = der(pem, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key: " + e.getMessage(), e);
        }
    }

    /** Reads a {@code PUBLIC KEY} block, or the key of the first {@code CERTIFICATE} block. */
    public static PublicKey publicKey(String pem) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PUBLIC KEY")) {
                try {
                    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(m.group(2))));
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
                }
            }
            if (type.equals("CERTIFICATE")) {
                PublicKey key = certificates(m.group()).get(0).getPublicKey();
                if (!"RSA".equals(key.getAlgorithm())) {
                    throw new IllegalArgumentException("the certificate's key is " + key.getAlgorithm() + ", not RSA");
                }
                return key;
            }
        }
        throw new IllegalArgumentException("no PUBLIC KEY or CERTIFICATE block found");
    }

    /** Every {@code CERTIFICATE} block in the text, in order. */
    public static List<Certificate> certificates(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> certs = factory.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no CERTIFICATE block found");
            }
            return new ArrayList<>(certs);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable certificate: " + e.getMessage(), e);
        }
    }

    /** The public half of an RSA private key (a PKCS#8 RSA key carries its public exponent). */
    public static PublicKey publicOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the private key does not carry its public exponent");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its DER
     * encoding. Sent as the key id / serial with signatures so a verifier can pick the right key.
     */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String pem, String type) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                return decode(m.group(2));
            }
        }
        throw new IllegalArgumentException("no " + type + " block found");
    }

    private static byte[] decode(String body) {
        try {
            return Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base64 in PEM: " + e.getMessage(), e);
        }
    }

    private static String block(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
