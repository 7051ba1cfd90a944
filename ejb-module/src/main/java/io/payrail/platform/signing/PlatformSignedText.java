package io.payrail.platform.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The texts the platform signs (docs/authentication.md, section 5), one part per line, the body
 * bytes last:
 *
 * <pre>
 * response:     PAYRAIL-RESPONSE\n{timestamp}\n{nonce}\n{merchantId}\n{requestNonce}\n{BODY}\n
 * notification: PAYRAIL-NOTIFICATION\n{timestamp}\n{nonce}\n{merchantId}\n{BODY}\n
 * </pre>
 *
 * The merchant id and request nonce keep a signed answer from being replayed to another merchant
 * or as the answer to another request; the first line keeps a response from ever verifying as a
 * notification or the other way round. The REST and SOAP responses and the notifications are all
 * signed over these texts, built here only.
 */
public final class PlatformSignedText {

    public static final String RESPONSE_LABEL = "PAYRAIL-RESPONSE";
    public static final String NOTIFICATION_LABEL = "PAYRAIL-NOTIFICATION";

    private PlatformSignedText() {
    }

    public static byte[] response(String timestamp, String nonce, ResponseBinding binding, byte[] body) {
        return text(body, RESPONSE_LABEL, timestamp, nonce, binding.merchantId(), binding.requestNonce());
    }

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
