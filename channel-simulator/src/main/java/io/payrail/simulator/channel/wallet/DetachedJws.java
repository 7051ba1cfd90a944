package io.payrail.simulator.channel.wallet;

import io.payrail.simulator.crypto.Rsa;
import io.payrail.simulator.journal.JsonLine;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * WALLET's signature scheme: a JWS (RFC 7515) in compact form with a detached payload (RFC 7515
 * appendix F), sent in the {@code Wallet-Signature} header: {@code BASE64URL(header)..BASE64URL(signature)}.
 * The payload is the HTTP body exactly as sent (empty for a GET); the signature covers
 * {@code BASE64URL(header) + "." + BASE64URL(body)} with RS256 (SHA256withRSA). BASE64URL is
 * without padding.
 *
 * <p>The protected header is a flat JSON object: {@code alg} (always {@code RS256}), {@code kid}
 * (the signer's key id), {@code iat} (Unix seconds), and on requests also {@code htm} (the HTTP
 * method) and {@code htu} (the path with query, as in the request line), which bind the signature
 * to the request.
 */
public final class DetachedJws {

    public static final String HEADER = "Wallet-Signature";
    public static final String ALG = "RS256";

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private DetachedJws() {
    }

    /** The protected header of a response or callback. */
    public static Map<String, Object> responseHeader(String keyId, long issuedAt) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", ALG);
        h.put("kid", keyId);
        h.put("iat", issuedAt);
        return h;
    }

    /** The protected header of a request. */
    public static Map<String, Object> requestHeader(String keyId, long issuedAt, String method, String pathAndQuery) {
        Map<String, Object> h = responseHeader(keyId, issuedAt);
        h.put("htm", method);
        h.put("htu", pathAndQuery);
        return h;
    }

    /** The header value: {@code BASE64URL(header)..BASE64URL(signature)}. */
    public static String sign(PrivateKey key, Map<String, Object> protectedHeader, byte[] payload) {
        String header = B64URL.encodeToString(JsonLine.format(protectedHeader).getBytes(StandardCharsets.UTF_8));
        byte[] signature = Rsa.sign(key, signingInput(header, payload));
        return header + ".." + B64URL.encodeToString(signature);
    }

    /**
     * The protected header of a JWS whose signature verifies over this payload; empty when it is
     * malformed, not RS256 or does not verify.
     */
    public static Optional<Map<String, Object>> verify(PublicKey key, String jws, byte[] payload) {
        if (jws == null) {
            return Optional.empty();
        }
        String[] parts = jws.trim().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty() || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> header;
        byte[] signature;
        try {
            header = JsonLine.parse(new String(B64URL_DECODER.decode(parts[0]), StandardCharsets.UTF_8));
            signature = B64URL_DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!ALG.equals(header.get("alg")) || !Rsa.verify(key, signingInput(parts[0], payload), signature)) {
            return Optional.empty();
        }
        return Optional.of(header);
    }

    static byte[] signingInput(String encodedHeader, byte[] payload) {
        return (encodedHeader + "." + B64URL.encodeToString(payload)).getBytes(StandardCharsets.US_ASCII);
    }
}
