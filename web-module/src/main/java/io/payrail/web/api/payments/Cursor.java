package io.payrail.web.api.payments;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** An opaque page cursor: the creation time and id of the last item shown. */
public record Cursor(Instant createdAt, String id) {

    public String encode() {
        String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            int dot = raw.indexOf('.');
            if (colon < 0 || dot < 0 || dot > colon || token.length() > 200) {
                throw new IllegalArgumentException(raw);
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)),
                    Long.parseLong(raw.substring(dot + 1, colon)));
            return new Cursor(at, raw.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED,
                    "cursor is not one this API returned; pass nextCursor from the previous page unchanged");
        }
    }
}
