package io.payrail.sdk.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;

/** RSA and EC key pairs made once per test run (2048-bit generation takes a noticeable moment). */
public final class TestKeys {

    public static final KeyPair MERCHANT = rsa(2048);
    public static final KeyPair OTHER_MERCHANT = rsa(2048);
    public static final KeyPair PLATFORM_1 = rsa(2048);
    public static final KeyPair PLATFORM_2 = rsa(2048);
    public static final KeyPair MERCHANT_EC = ec("secp256r1");
    public static final KeyPair PLATFORM_EC = ec("secp256r1");

    public static final X509Certificate PLATFORM_1_CERTIFICATE = SelfSignedCertificate.create(PLATFORM_1,
            "Payrail platform key PLATFORM-1", Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(365)));
    public static final X509Certificate PLATFORM_2_CERTIFICATE = SelfSignedCertificate.create(PLATFORM_2,
            "Payrail platform key PLATFORM-2", Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(365)));

    private TestKeys() {
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAPrivateKey privateKey(KeyPair pair) {
        return (RSAPrivateKey) pair.getPrivate();
    }

    public static RSAPublicKey publicKey(KeyPair pair) {
        return (RSAPublicKey) pair.getPublic();
    }
}
