package io.payrail.sdk.verification;

import io.payrail.sdk.pem.Pem;
import io.payrail.sdk.signing.SignatureAlgorithm;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's signing certificates by key id. During a platform key rotation there are two,
 * and a response may be signed by either. Where they come from decides whom you trust: either
 * configure them yourself (pinned), or fetch them over HTTPS from
 * {@code GET /api/v1/platform/certificates}, and then trust what TLS authenticated.
 */
public final class PlatformCertificates {

    /** The largest certificates document read: a few certificates are a few kilobytes. */
    public static final int MAX_JSON_CHARS = 1 << 20;

    private final Map<String, X509Certificate> byKeyId;

    private PlatformCertificates(Map<String, X509Certificate> byKeyId) {
        this.byKeyId = byKeyId;
    }

    /**
     * @throws IllegalArgumentException when a certificate holds neither an RSA key of 2048 bits or
     *                                  more nor an EC P-256 key
     */
    public static PlatformCertificates of(Map<String, X509Certificate> byKeyId) {
        if (byKeyId.isEmpty()) {
            throw new IllegalArgumentException("no platform certificate given");
        }
        Map<String, X509Certificate> copy = new LinkedHashMap<>();
        byKeyId.forEach((keyId, certificate) -> {
            try {
                SignatureAlgorithm.of(certificate.getPublicKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the platform certificate '" + keyId + "' holds a key Payrail never"
                        + " signs with: " + e.getMessage(), e);
            }
            copy.put(keyId, certificate);
        });
        return new PlatformCertificates(Collections.unmodifiableMap(copy));
    }

    public static PlatformCertificates of(String keyId, X509Certificate certificate) {
        return of(Map.of(keyId, certificate));
    }

    /**
     * Reads the body of {@code GET /api/v1/platform/certificates}:
     * {@code {"certificates":[{"keyId":"PLATFORM-1","pem":"-----BEGIN CERTIFICATE-----\n..."}, ...]}}.
     * Only keyId and pem are used; serialNumber, notBefore and notAfter repeat what the
     * certificate itself says, for people, and unknown members are ignored so the document can grow.
     *
     * @throws IllegalArgumentException saying what is wrong with the document
     */
    public static PlatformCertificates fromJson(String json) {
        if (json != null && json.length() > MAX_JSON_CHARS) {
            throw new IllegalArgumentException("the certificates document is larger than " + MAX_JSON_CHARS
                    + " characters");
        }
        if (!(MinimalJson.parse(json) instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("the certificates document is not a JSON object");
        }
        if (!(root.get("certificates") instanceof List<?> list)) {
            throw new IllegalArgumentException("the certificates document has no \"certificates\" array");
        }
        Map<String, X509Certificate> byKeyId = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException("certificates[" + i + "] is not an object");
            }
            String keyId = text(entry, "keyId", i);
            X509Certificate certificate;
            try {
                certificate = Pem.readCertificate(text(entry, "pem", i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("certificates[" + i + "] (" + keyId + "): " + e.getMessage(), e);
            }
            if (byKeyId.put(keyId, certificate) != null) {
                throw new IllegalArgumentException("the key id '" + keyId + "' appears twice");
            }
        }
        return of(byKeyId);
    }

    private static String text(Map<?, ?> entry, String name, int index) {
        if (entry.get(name) instanceof String value && !value.isEmpty()) {
            return value;
        }
        throw new IllegalArgumentException("certificates[" + index + "] has no \"" + name + "\" string");
    }

    public Optional<X509Certificate> certificate(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    public Set<String> keyIds() {
        return byKeyId.keySet();
    }

    @Override
    public String toString() {
        return "PlatformCertificates" + byKeyId.keySet();
    }
}
