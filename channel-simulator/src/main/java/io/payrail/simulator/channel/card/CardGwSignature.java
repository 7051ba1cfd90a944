package io.payrail.simulator.channel.card;

import io.payrail.simulator.crypto.Rsa;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CARDGW's signature scheme: the signature travels in HTTP headers and covers the exact bytes of
 * the body, in the style of WeChat Pay API v3. SHA256withRSA, standard base64.
 *
 * <p>Request (platform → CARDGW), header
 * {@code Authorization: CARDGW-RSA-SHA256 timestamp="1764232569",nonce="5f2b...",signature="..."}
 * over
 * <pre>METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE\nBODY\n</pre>
 * Response and callback (CARDGW → platform), headers {@code Cardgw-Timestamp}, {@code Cardgw-Nonce},
 * {@code Cardgw-Serial} (the key id) and {@code Cardgw-Signature} over
 * <pre>TIMESTAMP\nNONCE\nBODY\n</pre>
 * TIMESTAMP is Unix seconds; BODY is the body exactly as sent (empty for a GET).
 */
public final class CardGwSignature {

    public static final String AUTH_SCHEME = "CARDGW-RSA-SHA256";
    public static final String TIMESTAMP = "Cardgw-Timestamp";
    public static final String NONCE = "Cardgw-Nonce";
    public static final String SERIAL = "Cardgw-Serial";
    public static final String SIGNATURE = "Cardgw-Signature";

    private static final Pattern PARAM = Pattern.compile("\\s*([a-zA-Z]+)=\"([^\"]*)\"\\s*(,|$)");

    private CardGwSignature() {
    }

    /** The text a request signature covers. */
    public static byte[] requestMessage(String method, String pathAndQuery, long timestamp, String nonce, byte[] body) {
        return concat(method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n", body);
    }

    /** The text a response or callback signature covers. */
    public static byte[] responseMessage(long timestamp, String nonce, byte[] body) {
        return concat(timestamp + "\n" + nonce + "\n", body);
    }

    /** The {@code Authorization} header value for a request (what the platform sends). */
    public static String authorization(PrivateKey platformKey, String method, String pathAndQuery, long timestamp,
                                       String nonce, byte[] body) {
        String signature = Rsa.signBase64(platformKey, requestMessage(method, pathAndQuery, timestamp, nonce, body));
        return AUTH_SCHEME + " timestamp=\"" + timestamp + "\",nonce=\"" + nonce + "\",signature=\"" + signature + "\"";
    }

    /** The four signature headers of a response or callback. */
    public static Map<String, String> responseHeaders(PrivateKey channelKey, String keyId, long timestamp, String nonce,
                                                      byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(NONCE, nonce);
        headers.put(SERIAL, keyId);
        headers.put(SIGNATURE, Rsa.signBase64(channelKey, responseMessage(timestamp, nonce, body)));
        return headers;
    }

    /** Checks a response or callback against the channel's public key (what the platform does). */
    public static boolean verifyResponse(PublicKey channelKey, long timestamp, String nonce, byte[] body,
                                         String signature) {
        return Rsa.verifyBase64(channelKey, responseMessage(timestamp, nonce, body), signature);
    }

    /** The parts of an {@code Authorization} header. */
    public record Authorization(long timestamp, String nonce, String signature) {
    }

    /** Reads an {@code Authorization} header; empty when it is missing or not of this scheme. */
    public static Optional<Authorization> parseAuthorization(String header) {
        return parseAuthorization(AUTH_SCHEME, header);
    }

    /** ... of another scheme signed the same way (the message gateway's). */
    public static Optional<Authorization> parseAuthorization(String scheme, String header) {
        if (header == null || !header.startsWith(scheme + " ")) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header.substring(scheme.length() + 1));
        int end = 0;
        while (m.find() && m.start() == end) {
            params.put(m.group(1), m.group(2));
            end = m.end();
        }
        String rest = header.substring(scheme.length() + 1);
        if (end != rest.length()) {
            return Optional.empty();
        }
        String timestamp = params.get("timestamp");
        String nonce = params.get("nonce");
        String signature = params.get("signature");
        if (timestamp == null || nonce == null || signature == null || !timestamp.matches("[0-9]{1,12}")
                || nonce.isEmpty() || nonce.length() > 64) {
            return Optional.empty();
        }
        return Optional.of(new Authorization(Long.parseLong(timestamp), nonce, signature));
    }

    /** Checks a request's signature against the platform's public key. */
    public static boolean verifyRequest(PublicKey platformKey, String method, String pathAndQuery, Authorization auth,
                                        byte[] body) {
        return Rsa.verifyBase64(platformKey, requestMessage(method, pathAndQuery, auth.timestamp(), auth.nonce(), body),
                auth.signature());
    }

    private static byte[] concat(String head, byte[] body) {
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[headBytes.length + body.length + 1];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(body, 0, out, headBytes.length, body.length);
        out[out.length - 1] = '\n';
        return out;
    }
}
