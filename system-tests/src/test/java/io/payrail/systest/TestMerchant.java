package io.payrail.systest;

import io.payrail.sdk.PayrailClient;
import io.payrail.sdk.PayrailResponse;
import io.payrail.sdk.signing.Nonces;
import io.payrail.sdk.signing.RequestSigner;
import io.payrail.sdk.signing.SignatureAlgorithm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;

/**
 * A merchant the tests act as: its id, its signing key (RSA, or EC P-256) and an SDK client that
 * verifies every response.
 */
record TestMerchant(String id, String keyId, PrivateKey privateKey, PayrailClient client) {

    SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.of(privateKey);
    }

    RequestSigner signer() {
        return new RequestSigner(id, keyId, privateKey);
    }

    /**
     * The Authorization header for exact body bytes (the SDK signs text; a test of bytes that are
     * not UTF-8 needs the bytes themselves signed): {@code METHOD\ntarget\ntimestamp\nnonce\nBODY\n}.
     */
    String authorization(String method, String target, byte[] body) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = Nonces.next();
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        canonical.writeBytes((method + "\n" + target + "\n" + timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
        canonical.writeBytes(body);
        canonical.write('\n');
        return algorithm().scheme() + " merchant_id=\"" + id + "\",key_id=\"" + keyId + "\",timestamp=\"" + timestamp
                + "\",nonce=\"" + nonce + "\",signature=\"" + sign(canonical.toByteArray()) + "\"";
    }

    /** The key's algorithm's signature (SHA256withRSA or SHA256withECDSA) over {@code data}, standard Base64. */
    String sign(byte[] data) {
        return Base64.getEncoder().encodeToString(algorithm().sign(privateKey, data));
    }

    PayrailResponse get(String path) {
        try {
            return client.get(path);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    PayrailResponse post(String path, String body) {
        return post(path, body, null);
    }

    PayrailResponse post(String path, String body, String idempotencyKey) {
        try {
            return idempotencyKey == null ? client.post(path, body) : client.post(path, body, idempotencyKey);
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a payment and returns its id (the request must succeed). */
    String pay(String merchantOrderNo, long amount) {
        return pay(merchantOrderNo, amount, "BANK_CARD");
    }

    /** Creates a payment by the given method and returns its id. */
    String pay(String merchantOrderNo, long amount, String paymentMethod) {
        PayrailResponse created = post("/api/v1/payments", Payments.body(merchantOrderNo, amount, paymentMethod));
        if (created.status() != 201) {
            throw new AssertionError("create payment answered " + created.status() + ": " + created.body());
        }
        return json(created).getString("id");
    }

    JsonObject payment(String id) {
        PayrailResponse answer = get("/api/v1/payments/" + id);
        if (answer.status() != 200) {
            throw new AssertionError("GET payment " + id + " answered " + answer.status() + ": " + answer.body());
        }
        return json(answer);
    }

    static JsonObject json(PayrailResponse response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
