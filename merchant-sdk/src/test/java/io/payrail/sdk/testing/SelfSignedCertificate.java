package io.payrail.sdk.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A self-signed X.509 v3 certificate (SHA256withRSA, or SHA256withECDSA for an EC key; subject =
 * issuer = CN, no extensions),
 * written in DER by hand so that tests need neither BouncyCastle nor keytool.
 */
public final class SelfSignedCertificate {

    private static final byte[] SHA256_WITH_RSA = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
        0x0d, 0x01, 0x01, 0x0b};
    private static final byte[] SHA256_WITH_ECDSA = {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04,
        0x03, 0x02};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
    private static final byte[] NULL = {0x05, 0x00};

    private SelfSignedCertificate() {
    }

    public static X509Certificate create(KeyPair keys, String commonName, Instant notBefore, Instant notAfter) {
        boolean ec = "EC".equals(keys.getPrivate().getAlgorithm());
        // RFC 5758: ecdsa-with-SHA256 has no parameters, not even NULL
        byte[] algorithm = ec ? tlv(0x30, SHA256_WITH_ECDSA) : tlv(0x30, SHA256_WITH_RSA, NULL);
        byte[] name = tlv(0x30, tlv(0x31, tlv(0x30, COMMON_NAME,
                tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] tbs = tlv(0x30,
                tlv(0xa0, tlv(0x02, new byte[] {2})),                   // version v3
                tlv(0x02, BigInteger.valueOf(System.nanoTime()).abs().add(BigInteger.ONE).toByteArray()),
                algorithm,
                name,
                tlv(0x30, time(notBefore), time(notAfter)),
                name,
                keys.getPublic().getEncoded());                         // SubjectPublicKeyInfo as is
        try {
            Signature signer = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bits = new byte[signature.length + 1];              // 0 unused bits, then the signature
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] der = tlv(0x30, tbs, algorithm, tlv(0x03, bits));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] time(Instant instant) {
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        boolean utcTime = year >= 1950 && year < 2050;                   // RFC 5280 4.1.2.5
        String text = DateTimeFormatter.ofPattern(utcTime ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(instant);
        return tlv(utcTime ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
