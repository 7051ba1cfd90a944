package io.payrail.merchant.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a merchant signs: {@code METHOD\nREQUEST_TARGET\ntimestamp\nnonce\nBODY\n}, where
 * REQUEST_TARGET is the path and query as sent and BODY the body's exact bytes (empty for GET).
 */
public final class CanonicalRequest {

    private CanonicalRequest() {
    }

    public static byte[] bytes(String method, String requestTarget, long timestamp, String nonce, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + body.length);
        out.writeBytes((method + "\n" + requestTarget + "\n" + timestamp + "\n" + nonce + "\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.write('\n');
        return out.toByteArray();
    }
}
