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
import java.util.regex.Pattern;

/**
 * WALLET's signature scheme: a JWS (RFC 7515) in compact form with a detached payload (RFC 7515
 * appendix F), sent in the {@code Wallet-Signature} header: {@code BASE64URL(header)..BASE64URL(signature)}.
 * The payload is the HTTP body exactly as sent (empty for a GET); the signature covers
 * {@code BASE64URL(header) + "." + BASE64URL(body)} with RS256 (SHA256withRSA). BASE64URL is
 * without padding.
 *
 * <p>The protected header is a flat JSON object: {@code alg} (always {@code RS256}), {@code kid}
 * (the signer's key id), {@code iat} (Unix seconds); on requests and on the answers to them also
 * {@code htm} (the HTTP method) and {@code htu} (the path with query, as in the request line) of the
 * request, and the request's {@code jti} when it had one. On a request they bind the signature to
 * the request; on an answer they bind the answer to the request it answers, so that a signed answer
 * cannot be replayed as the answer to another request. Callbacks answer no request and carry
 * {@code alg}, {@code kid} and {@code iat} only.
 */
public final class DetachedJws {

    public static final String HEADER = "Wallet-Signature";
    public static final String ALG = "RS256";
    /** A request id: fresh and random per request, e.g. 16 random bytes in BASE64URL. */
    public static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private DetachedJws() {
    }

    /** The protected header of a callback, which answers no request. */
    public static Map<String, Object> responseHeader(String keyId, long issuedAt) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", ALG);
        h.put("kid", keyId);
        h.put("iat", issuedAt);
        return h;
    }

    /**
     * The protected header of a request, or of the answer to one: {@code alg, kid, iat, htm, htu}
     * and {@code jti} when given, in that order.
     *
     * @param jti the request's id, or null when it had none
     */
    public static Map<String, Object> boundHeader(String keyId, long issuedAt, String method, String pathAndQuery,
                                                  String jti) {
        Map<String, Object> h = responseHeader(keyId, issuedAt);
        h.put("htm", method);
        h.put("htu", pathAndQuery);
        if (jti != null) {
            h.put("jti", jti);
        }
        return h;
    }

    /** The protected header of a request without a {@code jti}. */
    public static Map<String, Object> requestHeader(String keyId, long issuedAt, String method, String pathAndQuery) {
        return boundHeader(keyId, issuedAt, method, pathAndQuery, null);
    }

    /** Whether a header's {@code jti} member is a well-formed request id. */
    public static boolean isJti(Object value) {
        return value instanceof String s && JTI.matcher(s).matches();
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
        String[] parts = parts(jws);
        if (parts == null) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> header = decodeHeader(parts[0]);
        byte[] signature;
        try {
            signature = B64URL_DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (header.isEmpty() || !ALG.equals(header.get().get("alg"))
                || !Rsa.verify(key, signingInput(parts[0], payload), signature)) {
            return Optional.empty();
        }
        return header;
    }

    /**
     * The protected header of a compact detached JWS, <b>not verified</b>: only for a WALLET that
     * holds no key to verify with; empty when it cannot be read.
     */
    public static Optional<Map<String, Object>> unverifiedHeader(String jws) {
        String[] parts = parts(jws);
        return parts == null ? Optional.empty() : decodeHeader(parts[0]);
    }

    static byte[] signingInput(String encodedHeader, byte[] payload) {
        return (encodedHeader + "." + B64URL.encodeToString(payload)).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code [header, "", signature]} of {@code <header>..<signature>}, or null for any other form. */
    private static String[] parts(String jws) {
        if (jws == null) {
            return null;
        }
        String[] parts = jws.trim().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty() || parts[0].isEmpty() || parts[2].isEmpty()) {
            return null;
        }
        return parts;
    }

    private static Optional<Map<String, Object>> decodeHeader(String encoded) {
        try {
            return Optional.of(JsonLine.parse(new String(B64URL_DECODER.decode(encoded), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
