package io.payrail.channel.wallet;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * WALLET's signature (wallet.md §2): a JWS in compact form (RFC 7515) whose payload part is left
 * empty because the payload is the HTTP body itself (appendix F, "detached content"), RS256 only,
 * carried in the {@value #HEADER} header. Both directions use it: our requests (protected header
 * with {@code htm}/{@code htu}) and WALLET's answers and notifications (without).
 */
final class DetachedJws {

    static final String HEADER = "Wallet-Signature";
    static final String ALG = "RS256";

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private DetachedJws() {
    }

    /** A JWS that cannot be trusted, with the reason (fit for a log line or a 401 answer; never key material). */
    static final class InvalidJwsException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidJwsException(String message) {
            super(message);
        }
    }

    /**
     * The protected header of one of our requests: {@code alg}, {@code kid}, {@code iat}, {@code htm},
     * {@code htu}, in that order. Written by hand rather than by a JSON provider because these exact
     * bytes are what gets signed, and the published worked example must come out identical.
     */
    static String requestHeader(String kid, long iat, String htm, String htu) {
        return "{\"alg\":\"" + ALG + "\",\"kid\":" + quote(kid) + ",\"iat\":" + iat + ",\"htm\":" + quote(htm)
                + ",\"htu\":" + quote(htu) + "}";
    }

    /**
     * The same with {@code jti}, a fresh id of this request that WALLET echoes in the header of its
     * signed answer, so that the answer is bound to this request and no other (wallet.md §2).
     */
    static String requestHeader(String kid, long iat, String htm, String htu, String jti) {
        String header = requestHeader(kid, iat, htm, htu);
        return header.substring(0, header.length() - 1) + ",\"jti\":" + quote(jti) + "}";
    }

    /** The protected header of an answer or notification (how WALLET signs): {@code alg}, {@code kid}, {@code iat}. */
    static String responseHeader(String kid, long iat) {
        return "{\"alg\":\"" + ALG + "\",\"kid\":" + quote(kid) + ",\"iat\":" + iat + "}";
    }

    /**
     * @param rsaSha256 SHA256withRSA over its argument with the signer's private key
     * @return {@code BASE64URL(header)..BASE64URL(signature)}
     */
    static String sign(String protectedHeader, byte[] body, UnaryOperator<byte[]> rsaSha256) {
        String encodedHeader = B64URL.encodeToString(protectedHeader.getBytes(StandardCharsets.UTF_8));
        byte[] signature = rsaSha256.apply(signingInput(encodedHeader, body));
        return encodedHeader + ".." + B64URL.encodeToString(signature);
    }

    /**
     * Checks {@code jws} over {@code body} with {@code key}: compact detached form, {@code alg} RS256,
     * signature. Freshness ({@code iat}) is the caller's rule.
     *
     * @return the protected header
     * @throws InvalidJwsException saying precisely what is wrong
     */
    static JsonObject verify(String jws, byte[] body, PublicKey key) throws InvalidJwsException {
        if (jws == null || jws.isBlank()) {
            throw new InvalidJwsException(HEADER + " header is missing");
        }
        String compact = jws.strip();
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
            throw new InvalidJwsException(HEADER + " is not a compact JWS (<header>..<signature>)");
        }
        if (second != first + 1) {
            throw new InvalidJwsException(HEADER + " carries a payload; WALLET's JWS is detached (<header>..<signature>)");
        }
        String encodedHeader = compact.substring(0, first);
        String encodedSignature = compact.substring(second + 1);
        if (encodedSignature.isEmpty()) {
            throw new InvalidJwsException(HEADER + " has no signature part");
        }
        JsonObject header = parseHeader(encodedHeader);
        JsonValue alg = header.get("alg");
        if (!(alg != null && alg.getValueType() == JsonValue.ValueType.STRING
                && ALG.equals(header.getString("alg")))) {
            throw new InvalidJwsException(HEADER + ": alg " + alg + " is not \"" + ALG + "\"");
        }
        byte[] signature;
        try {
            signature = B64URL_DECODER.decode(encodedSignature);
        } catch (IllegalArgumentException e) {
            throw new InvalidJwsException(HEADER + ": the signature part is not base64url");
        }
        if (!rsaSha256Verifies(key, signingInput(encodedHeader, body), signature)) {
            String kid = header.get("kid") != null && header.get("kid").getValueType() == JsonValue.ValueType.STRING
                    ? header.getString("kid") : "(none)";
            throw new InvalidJwsException(HEADER + ": the signature does not verify over the body (signed with kid "
                    + kid + ", checked with WALLET's key " + keyId(key) + ")");
        }
        return header;
    }

    /** The protected header's {@code iat} (Unix seconds). */
    static long issuedAt(JsonObject header) throws InvalidJwsException {
        JsonValue iat = header.get("iat");
        if (iat instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                // falls through to the refusal below
            }
        }
        throw new InvalidJwsException(HEADER + ": iat " + (iat == null ? "is missing" : iat + " is not whole Unix seconds"));
    }

    /** A key id as WALLET writes it: the first 16 hex digits of SHA-256 over the public key's DER encoding. */
    static String keyId(PublicKey key) {
        return io.payrail.channel.ChannelPublicKey.keyId(key);
    }

    static String base64Url(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }

    private static byte[] signingInput(String encodedHeader, byte[] body) {
        return (encodedHeader + "." + B64URL.encodeToString(body)).getBytes(StandardCharsets.US_ASCII);
    }

    private static JsonObject parseHeader(String encodedHeader) throws InvalidJwsException {
        String json;
        try {
            json = new String(B64URL_DECODER.decode(encodedHeader), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidJwsException(HEADER + ": the protected header is not base64url");
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new InvalidJwsException(HEADER + ": the protected header is not a JSON object");
        }
    }

    private static boolean rsaSha256Verifies(PublicKey key, byte[] input, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException("WALLET's public key is not an RSA key", e);
        } catch (GeneralSecurityException e) {
            // a signature of the wrong length or shape: it does not verify
            return false;
        }
    }

    /** A JSON string literal; the values we put in headers are ASCII, but stay correct for anything. */
    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
