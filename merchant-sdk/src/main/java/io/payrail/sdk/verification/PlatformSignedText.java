package io.payrail.sdk.verification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The texts the platform signs (docs/authentication.md, section 5), one line per part, each part
 * followed by {@code \n}, the body bytes last:
 *
 * <pre>
 * response:     PAYRAIL-RESPONSE\n{timestamp}\n{nonce}\n{merchantId}\n{requestNonce}\n{BODY}\n
 * notification: PAYRAIL-NOTIFICATION\n{timestamp}\n{nonce}\n{merchantId}\n{BODY}\n
 * </pre>
 *
 * The merchant id and the request's nonce bind a signature to one merchant and one request, so a
 * signed answer cannot be replayed to another merchant or as the answer to another request. The
 * first line keeps the two kinds apart: a response can never verify as a notification, nor the
 * other way round.
 */
public final class PlatformSignedText {

    public static final String RESPONSE_LABEL = "PAYRAIL-RESPONSE";
    public static final String NOTIFICATION_LABEL = "PAYRAIL-NOTIFICATION";

    private PlatformSignedText() {
    }

    /**
     * @param merchantId   the merchant id the request was signed as; empty for a request without credentials
     * @param requestNonce the nonce the request was signed with; empty for a request without credentials
     * @param body         the response body bytes as received; empty when there is none
     */
    public static byte[] response(String timestamp, String nonce, String merchantId, String requestNonce,
            byte[] body) {
        return text(body, RESPONSE_LABEL, timestamp, nonce, merchantId, requestNonce);
    }

    /** @param merchantId the merchant the notification is for */
    public static byte[] notification(String timestamp, String nonce, String merchantId, byte[] body) {
        return text(body, NOTIFICATION_LABEL, timestamp, nonce, merchantId);
    }

    private static byte[] text(byte[] body, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 160);
        for (String line : lines) {
            // a line break inside a part would let one text pass for another
            if (line == null || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a part of the signed text is missing or holds a line break");
            }
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        out.writeBytes(body);
        out.write('\n');
        return out.toByteArray();
    }
}
