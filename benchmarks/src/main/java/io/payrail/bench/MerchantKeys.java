package io.payrail.bench;

import io.payrail.sdk.PayrailClient;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;

/**
 * The bench merchants' key type, all in one place: making a pair, registering its public half with
 * the operator API, signing with its private half. RSA-2048 is what the platform takes today; EC
 * (P-256, SHA256withECDSA) is issue 11 part 3. Until the platform has it, {@code --keys ec} stops
 * with {@link #EC_UNSUPPORTED}: first because the operator API refuses the P-256 public key, and,
 * once it takes one, because the merchant SDK's builder takes an RSA key only. When the SDK signs
 * with EC keys, {@link #signWith} is the one place to change.
 */
final class MerchantKeys {

    enum Type { RSA, EC }

    static final String EC_UNSUPPORTED = "EC merchant keys are not supported by this platform version";
    private static final String USE_RSA = "run with --keys rsa (the default)";

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

    /** Registers the public key; an EC key the platform refuses stops the bench with the reason. */
    void register(OperatorApi operator, String merchantId, String keyId, KeyPair keys)
            throws IOException, InterruptedException {
        try {
            operator.registerKey(merchantId, keyId, keys.getPublic());
        } catch (OperatorApi.Refused e) {
            if (type == Type.EC && e.status() == 400) {
                throw new BenchException(EC_UNSUPPORTED + ": the operator API refused a P-256 public key ("
                        + e.getMessage() + ")", USE_RSA, e);
            }
            throw e;
        }
    }

    /** The builder, signing with the private key. */
    PayrailClient.Builder signWith(PayrailClient.Builder builder, KeyPair keys) {
        if (type == Type.EC) {
            throw new BenchException(EC_UNSUPPORTED + ": the platform took the P-256 key, but the merchant SDK"
                    + " (PayrailClient.Builder.privateKey) signs with RSA keys only", USE_RSA);
        }
        return builder.privateKey((RSAPrivateKey) keys.getPrivate());
    }
}
