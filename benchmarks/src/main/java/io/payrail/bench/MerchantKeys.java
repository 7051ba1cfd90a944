package io.payrail.bench;

import io.payrail.sdk.PayrailClient;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * The bench merchants' key type, all in one place: making a pair, registering its public half with
 * the operator API, signing with its private half. RSA-2048 by default; EC P-256 (SHA256withECDSA,
 * the PAYRAIL-SHA256-ECDSA-P256 scheme) with {@code --keys ec}, to measure what the cheaper
 * signatures buy (issue 11 part 3).
 */
final class MerchantKeys {

    enum Type { RSA, EC }

    private final Type type;

    MerchantKeys(Type type) {
        this.type = type;
    }

    KeyPair newKeyPair() {
        try {
            if (type == Type.EC) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make " + type + " key pairs: " + e.getMessage(), e);
        }
    }

    /** Registers the public key; a platform that refuses an EC key stops the bench with the reason. */
    void register(OperatorApi operator, String merchantId, String keyId, KeyPair keys)
            throws IOException, InterruptedException {
        try {
            operator.registerKey(merchantId, keyId, keys.getPublic());
        } catch (OperatorApi.Refused e) {
            if (type == Type.EC && e.status() == 400) {
                throw new BenchException("the operator API refused a P-256 public key (" + e.getMessage()
                        + "): the stack runs a platform version without EC merchant keys",
                        "redeploy this checkout (./payrail run), or run with --keys rsa (the default)", e);
            }
            throw e;
        }
    }

    /** The builder, signing with the private key (the SDK picks the scheme from the key). */
    PayrailClient.Builder signWith(PayrailClient.Builder builder, KeyPair keys) {
        return builder.privateKey(keys.getPrivate());
    }
}
