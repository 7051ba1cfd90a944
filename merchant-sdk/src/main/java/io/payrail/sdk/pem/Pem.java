package io.payrail.sdk.pem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads and writes PEM text. Errors are {@link IllegalArgumentException}s whose message says what
 * the file should hold and, for the usual mix-ups (a PKCS#1 or encrypted key), the openssl command
 * that converts it. Key material never appears in a message.
 */
public final class Pem {

    private static final String DASHES = "-----";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String PUBLIC_KEY = "PUBLIC KEY";
    private static final String CERTIFICATE = "CERTIFICATE";

    private Pem() {
    }

    /** One {@code -----BEGIN label-----} ... {@code -----END label-----} block, decoded. */
    record Block(String label, byte[] der) {
    }

    /** Reads a PKCS#8 RSA private key ({@code -----BEGIN PRIVATE KEY-----}). */
    public static RSAPrivateKey readPrivateKey(Path file) throws IOException {
        return readPrivateKey(read(file));
    }

    /** Reads a PKCS#8 RSA private key ({@code -----BEGIN PRIVATE KEY-----}). */
    public static RSAPrivateKey readPrivateKey(String pem) {
        Block block = single(pem, PRIVATE_KEY);
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("the PRIVATE KEY block is not a PKCS#8 RSA private key", e);
        }
    }

    /** Reads a PKCS#8 RSA or EC private key ({@code -----BEGIN PRIVATE KEY-----}), whichever the file holds. */
    public static PrivateKey readSigningKey(Path file) throws IOException {
        return readSigningKey(read(file));
    }

    /**
     * Reads a PKCS#8 RSA or EC private key ({@code -----BEGIN PRIVATE KEY-----}); {@link
     * io.payrail.sdk.signing.RequestSigner} then checks its size or curve.
     */
    public static PrivateKey readSigningKey(String pem) {
        Block block = single(pem, PRIVATE_KEY);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(block.der()));
            } catch (GeneralSecurityException e) {
                // not of this algorithm: try the next
            }
        }
        throw new IllegalArgumentException("the PRIVATE KEY block is neither a PKCS#8 RSA nor a PKCS#8 EC private key");
    }

    /** Reads an X.509 SubjectPublicKeyInfo RSA public key ({@code -----BEGIN PUBLIC KEY-----}). */
    public static RSAPublicKey readPublicKey(Path file) throws IOException {
        return readPublicKey(read(file));
    }

    /** Reads an X.509 SubjectPublicKeyInfo RSA public key ({@code -----BEGIN PUBLIC KEY-----}). */
    public static RSAPublicKey readPublicKey(String pem) {
        Block block = single(pem, PUBLIC_KEY);
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("the PUBLIC KEY block is not an X.509 RSA public key", e);
        }
    }

    /** Reads exactly one X.509 certificate ({@code -----BEGIN CERTIFICATE-----}). */
    public static X509Certificate readCertificate(Path file) throws IOException {
        return readCertificate(read(file));
    }

    /** Reads exactly one X.509 certificate ({@code -----BEGIN CERTIFICATE-----}). */
    public static X509Certificate readCertificate(String pem) {
        return certificate(single(pem, CERTIFICATE));
    }

    /** Reads every certificate of a file that holds one or more (a chain, a bundle). */
    public static List<X509Certificate> readCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(pem)) {
            if (block.label().equals(CERTIFICATE)) {
                certificates.add(certificate(block));
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("expected at least one '-----BEGIN CERTIFICATE-----' block");
        }
        return List.copyOf(certificates);
    }

    /** The public key as {@code -----BEGIN PUBLIC KEY-----} PEM, 64 characters a line, ending in a newline. */
    public static String writePublicKey(PublicKey key) {
        if (!"X.509".equals(key.getFormat())) {
            throw new IllegalArgumentException("the key does not encode as X.509 SubjectPublicKeyInfo");
        }
        return write(PUBLIC_KEY, key.getEncoded());
    }

    static String write(String label, byte[] der) {
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(base64.length() + 80);
        out.append(DASHES).append("BEGIN ").append(label).append(DASHES).append('\n');
        for (int i = 0; i < base64.length(); i += 64) {
            out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return out.append(DASHES).append("END ").append(label).append(DASHES).append('\n').toString();
    }

    private static X509Certificate certificate(Block block) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(block.der()));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the CERTIFICATE block is not an X.509 certificate", e);
        }
    }

    // ISO-8859-1 never fails to decode: text around the blocks may be in any encoding
    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }

    /** The one block with this label; a wrong label gets a message that names the fix. */
    private static Block single(String pem, String label) {
        List<Block> blocks = blocks(pem);
        List<Block> matching = blocks.stream().filter(b -> b.label().equals(label)).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.size() > 1) {
            throw new IllegalArgumentException("expected one '-----BEGIN " + label + "-----' block, found "
                    + matching.size());
        }
        String found = blocks.isEmpty() ? "no PEM block" : "'-----BEGIN " + blocks.get(0).label() + "-----'";
        String hint = switch (blocks.isEmpty() ? "" : blocks.get(0).label()) {
            case "RSA PRIVATE KEY" -> "; this is a PKCS#1 key, convert it to PKCS#8 with"
                    + " 'openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem'";
            case "ENCRYPTED PRIVATE KEY" -> "; this key is encrypted, write an unencrypted copy with"
                    + " 'openssl pkcs8 -in encrypted.pem -out key.pem' and protect the file instead";
            case "PRIVATE KEY" -> PUBLIC_KEY.equals(label)
                    ? "; this is a private key, derive its public key with 'openssl pkey -in key.pem -pubout'" : "";
            case "CERTIFICATE" -> PUBLIC_KEY.equals(label)
                    ? "; this is a certificate, extract its key with 'openssl x509 -in cert.pem -pubkey -noout'" : "";
            default -> "";
        };
        throw new IllegalArgumentException("expected a '-----BEGIN " + label + "-----' block, found " + found + hint);
    }

    /**
     * Every block of the text, in order. Text outside blocks is ignored (RFC 7468 allows
     * explanations around them, as 'openssl x509 -text' writes); whitespace inside is ignored.
     */
    static List<Block> blocks(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no PEM text given");
        }
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = pem.indexOf(DASHES + "BEGIN ", at);
            if (begin < 0) {
                return blocks;
            }
            int labelStart = begin + DASHES.length() + "BEGIN ".length();
            int labelEnd = pem.indexOf(DASHES, labelStart);
            if (labelEnd < 0) {
                throw new IllegalArgumentException("a '-----BEGIN' line is not closed by '-----'");
            }
            String label = pem.substring(labelStart, labelEnd);
            String end = DASHES + "END " + label + DASHES;
            int bodyStart = labelEnd + DASHES.length();
            int endAt = pem.indexOf(end, bodyStart);
            if (endAt < 0) {
                throw new IllegalArgumentException("the '" + label + "' block has no '" + end + "' line");
            }
            String base64 = pem.substring(bodyStart, endAt).replaceAll("[ \t\r\n]", "");
            byte[] der;
            try {
                der = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                // headers such as 'Proc-Type:' (legacy encrypted PEM) land here too
                throw new IllegalArgumentException("the '" + label + "' block is not plain Base64", e);
            }
            if (der.length == 0) {
                throw new IllegalArgumentException("the '" + label + "' block is empty");
            }
            blocks.add(new Block(label, der));
            at = endAt + end.length();
        }
    }
}
