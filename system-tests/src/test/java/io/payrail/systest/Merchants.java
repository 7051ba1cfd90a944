package io.payrail.systest;

import io.payrail.sdk.PayrailClient;
import io.payrail.sdk.pem.Pem;
import io.payrail.sdk.tls.TrustedCertificates;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * Merchants for the tests: the demo merchant (the published key pair) and fresh ones registered
 * through the operator API by the OPERATIONS test account, each with its own key pair (RSA unless
 * asked for EC P-256), as an operator would onboard them.
 */
final class Merchants {

    private Merchants() {
    }

    static TestMerchant demo() {
        try {
            PrivateKey key = Pem.readPrivateKey(Path.of(System.getProperty("payrail.systest.demoKey")));
            return new TestMerchant(Payments.MERCHANT, "K1", key, client(Payments.MERCHANT, "K1", key));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo merchant's key", e);
        }
    }

    /** A new active merchant with a new key pair, taking USD and EUR up to the given limits. */
    static TestMerchant fresh(String prefix, int rateLimitPerMinute) {
        return fresh(prefix, rateLimitPerMinute, null);
    }

    /** ... with notifications sent to {@code notifyUrl}. */
    static TestMerchant fresh(String prefix, int rateLimitPerMinute, String notifyUrl) {
        return fresh(prefix, rateLimitPerMinute, notifyUrl, newKeyPair());
    }

    /** A new active merchant whose key K1 is EC P-256 (SHA256withECDSA). */
    static TestMerchant freshEc(String prefix, int rateLimitPerMinute) {
        return fresh(prefix, rateLimitPerMinute, null, newEcKeyPair("secp256r1"));
    }

    private static TestMerchant fresh(String prefix, int rateLimitPerMinute, String notifyUrl, KeyPair keys) {
        String id = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase();
        JsonArrayBuilder currencies = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("currency", "USD").add("maxAmount", 10_000_000L))
                .add(Json.createObjectBuilder().add("currency", "EUR").add("maxAmount", 10_000_000L));
        jakarta.json.JsonObjectBuilder merchant = Json.createObjectBuilder().add("id", id).add("name", "System test " + prefix)
                .add("rateLimitPerMinute", rateLimitPerMinute).add("currencies", currencies);
        if (notifyUrl != null) {
            merchant.add("notifyUrl", notifyUrl);
        }
        operator("POST", "/merchants", merchant.build().toString(), 201);
        registerKey(id, "K1", keys);
        return new TestMerchant(id, "K1", keys.getPrivate(), client(id, "K1", keys.getPrivate()));
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair newEcKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void registerKey(String merchantId, String keyId, KeyPair keys) {
        registerKey(merchantId, keyId, keys, 200);
    }

    /** Registers the public key as an operator would, insisting on {@code expectedStatus}. */
    static Gateway.Answer registerKey(String merchantId, String keyId, KeyPair keys, int expectedStatus) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return operator("POST", "/merchants/" + merchantId + "/keys",
                Json.createObjectBuilder().add("keyId", keyId).add("publicKeyPem", pem).build().toString(), expectedStatus);
    }

    static TestMerchant withKey(TestMerchant merchant, String keyId, PrivateKey key) {
        return new TestMerchant(merchant.id(), keyId, key, client(merchant.id(), keyId, key));
    }

    /** Calls the operator API as the OPERATIONS test account and insists on {@code expectedStatus}. */
    static Gateway.Answer operator(String method, String path, String body, int expectedStatus) {
        return Staff.as(Staff.OPERATIONS, method, path, body, expectedStatus);
    }

    static SSLContext tls() {
        try {
            return TrustedCertificates.sslContextTrusting(Path.of(System.getProperty("payrail.systest.tlsCert")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gateway's TLS certificate", e);
        }
    }

    private static PayrailClient client(String merchantId, String keyId, PrivateKey key) {
        return PayrailClient.builder().baseUri(Gateway.baseUrl()).merchantId(merchantId).keyId(keyId).privateKey(key)
                .sslContext(tls()).fetchPlatformCertificates().build();
    }
}
