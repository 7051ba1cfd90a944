package io.payrail.sdk.signing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The value of the Authorization header:
 * {@code PAYRAIL-SHA256-RSA2048 merchant_id="M100001",key_id="K1",timestamp="1767225600",nonce="...",signature="..."},
 * its scheme naming the algorithm of the key ({@code PAYRAIL-SHA256-ECDSA-P256} for an EC key).
 *
 * <p>The format has no escaping, so the ids are limited to characters that need none; the
 * attributes are always written in this order, without spaces, though the platform accepts any.
 */
public record AuthorizationHeader(SignatureAlgorithm algorithm, String merchantId, String keyId, long timestamp,
                                  String nonce, byte[] signature) {

    /** The scheme of RSA keys, the default. */
    public static final String SCHEME = SignatureAlgorithm.RSA_2048.scheme();
    /** What merchant and key ids may hold: no quote, comma or space can break the header. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public AuthorizationHeader {
        Objects.requireNonNull(algorithm, "algorithm");
        requireId("merchant id", merchantId);
        requireId("key id", keyId);
        if (!Nonces.isValid(nonce)) {
            throw new IllegalArgumentException("a nonce is 16 to 64 characters of [A-Za-z0-9_-]");
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("the timestamp is Unix seconds and cannot be negative");
        }
        if (signature == null || signature.length == 0) {
            throw new IllegalArgumentException("no signature");
        }
        signature = signature.clone();
    }

    /** A header of an RSA signature. */
    public AuthorizationHeader(String merchantId, String keyId, long timestamp, String nonce, byte[] signature) {
        this(SignatureAlgorithm.RSA_2048, merchantId, keyId, timestamp, nonce, signature);
    }

    static void requireId(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("the " + what + " must be 1 to 64 characters of [A-Za-z0-9_.-]: " + id);
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    // a record compares arrays by identity; two headers are equal when their text is
    @Override
    public boolean equals(Object other) {
        return other instanceof AuthorizationHeader that && value().equals(that.value());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature) ^ value().hashCode();
    }

    /** The signature as sent: standard Base64 with padding, on one line. */
    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }

    /** The header value. */
    public String value() {
        return algorithm.scheme() + " merchant_id=\"" + merchantId + "\",key_id=\"" + keyId + "\",timestamp=\"" + timestamp
                + "\",nonce=\"" + nonce + "\",signature=\"" + signatureBase64() + "\"";
    }

    @Override
    public String toString() {
        return value();
    }
}
