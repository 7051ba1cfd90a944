package io.payrail.web.api.security;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body once, keeps the exact bytes for the signature check, and puts them back.
 * The bytes must be UTF-8: a merchant signs bytes and Payrail stores text, so a body a lenient
 * decoder would patch (U+FFFD for every bad byte) would be charged as text nobody signed.
 */
public final class RequestBodies {

    public static final int MAX_BYTES = 64 * 1024;
    /**
     * How much of a refused body is read and thrown away, so that the connection can carry the
     * refusal (an HTTP/2 client stops at a full flow-control window and waits for the server to
     * read on, and never sees an answer sent meanwhile); anything larger the container cuts off.
     */
    private static final int DISCARD_LIMIT = 1024 * 1024;
    private static final String PROPERTY = "payrail.requestBody";

    private RequestBodies() {
    }

    static byte[] of(ContainerRequestContext request) {
        Object cached = request.getProperty(PROPERTY);
        if (cached instanceof byte[] bytes) {
            return bytes;
        }
        byte[] body;
        try {
            body = request.hasEntity() ? read(request.getEntityStream(), request.getLength()) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        requireUtf8(body);
        request.setEntityStream(new ByteArrayInputStream(body));
        request.setProperty(PROPERTY, body);
        return body;
    }

    /**
     * At most {@link #MAX_BYTES}: a declared length over it is refused before a byte is kept, and a
     * body of unknown length (chunked) is counted and refused at the first byte too many. What a
     * refused body still holds is discarded unread, never buffered or parsed.
     *
     * @param declaredLength the Content-Length, or -1 when the request has none
     */
    public static byte[] read(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > MAX_BYTES) {
            discard(in);
            throw tooLarge();
        }
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            discard(in);
            throw tooLarge();
        }
        return body;
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DISCARD_LIMIT;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
            left -= n;
        }
    }

    private static PayrailException tooLarge() {
        return new PayrailException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BYTES
                + " bytes; send at most 64 KiB");
    }

    /** Refuses bytes that are not well-formed UTF-8 (no replacement, no guessing), naming the first bad byte. */
    public static void requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.max(16, body.length));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new PayrailException(ErrorCode.MALFORMED_REQUEST, "the body is not valid UTF-8 (byte offset "
                    + in.position() + "); encode the request as UTF-8 and sign those exact bytes");
        }
    }

    /**
     * The request target exactly as sent on the request line: the servlet's raw URI and query
     * string, never JAX-RS's rebuilt URI (which may re-encode characters such as ':').
     */
    static String target(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }
}
