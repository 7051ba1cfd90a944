package io.payrail.sdk.signing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The string a merchant signs:
 * {@code METHOD + "\n" + REQUEST_TARGET + "\n" + timestamp + "\n" + nonce + "\n" + BODY + "\n"}.
 *
 * <p>The parts are checked rather than cleaned: a target with a space or a non-ASCII character
 * would be re-encoded by an HTTP library, and the platform would then verify other bytes than
 * were signed. Refusing it here turns a baffling AUTH_SIGNATURE_INVALID into a clear message.
 */
public final class CanonicalRequest {

    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,20}");
    // RFC 3986 path and query characters (unreserved, sub-delims, ':', '@', '/', '?', %XX): sent as they are
    /** The characters RFC 3986 lets stand as they are in a path and query. */
    private static final String PLAIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~!$&'()*+,;=:@/?-";

    private final String method;
    private final String requestTarget;
    private final long timestamp;
    private final String nonce;
    private final byte[] body;

    private CanonicalRequest(String method, String requestTarget, long timestamp, String nonce, byte[] body) {
        this.method = method;
        this.requestTarget = requestTarget;
        this.timestamp = timestamp;
        this.nonce = nonce;
        this.body = body;
    }

    /**
     * @param method        an HTTP method; upper-cased here, and the caller must send it upper-cased too
     * @param requestTarget path and query exactly as on the request line, e.g. {@code /api/v1/payments?limit=10}
     * @param timestamp     Unix seconds
     * @param nonce         16 to 64 characters of {@code [A-Za-z0-9_-]}
     * @param body          the exact body text, or null (or empty) when the request has none
     * @throws IllegalArgumentException when a part cannot be signed as it would be sent
     */
    public static CanonicalRequest of(String method, String requestTarget, long timestamp, String nonce, String body) {
        String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
        if (!METHOD.matcher(upper).matches()) {
            throw new IllegalArgumentException("the method must be an HTTP method such as GET or POST");
        }
        requireRequestTarget(requestTarget);
        if (timestamp < 0) {
            throw new IllegalArgumentException("the timestamp is Unix seconds and cannot be negative");
        }
        if (!Nonces.isValid(nonce)) {
            throw new IllegalArgumentException("a nonce is 16 to 64 characters of [A-Za-z0-9_-]");
        }
        return new CanonicalRequest(upper, requestTarget, timestamp, nonce, utf8(body));
    }

    /** @throws IllegalArgumentException unless the target is a path (and query) that is sent as it is */
    public static void requireRequestTarget(String requestTarget) {
        if (!isSentAsIs(requestTarget)) {
            throw new IllegalArgumentException("the request target must start with '/' and hold only characters"
                    + " that are sent as they are (percent-encode anything else, e.g. a space as %20, and leave"
                    + " out any '#fragment'): " + requestTarget);
        }
    }

    // a loop, not a regular expression: an alternation repeated over a long target overflows the stack
    private static boolean isSentAsIs(String target) {
        if (target == null || !target.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                        || Character.digit(target.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (PLAIN.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The body as UTF-8, refusing a string that has no UTF-8 form (a lone surrogate) instead of
     * silently sending a '?' that was not what the caller meant.
     */
    public static byte[] utf8(String text) {
        if (text == null || text.isEmpty()) {
            return new byte[0];
        }
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the body is not valid Unicode text (a lone surrogate?)", e);
        }
    }

    /** The bytes to sign: the UTF-8 encoding of the canonical string. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + body.length);
        out.writeBytes((method + "\n" + requestTarget + "\n" + timestamp + "\n" + nonce + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write('\n');
        return out.toByteArray();
    }

    /** The canonical string itself, for debugging a signature mismatch. */
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    public String method() {
        return method;
    }

    public String requestTarget() {
        return requestTarget;
    }

    public long timestamp() {
        return timestamp;
    }

    public String nonce() {
        return nonce;
    }

    /** The body bytes exactly as they must be sent. */
    public byte[] body() {
        return body.clone();
    }
}
