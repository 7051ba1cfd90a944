package io.payrail.web.api.security;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads a request body once, keeps the exact bytes for the signature check, and puts them back. */
final class RequestBodies {

    static final int MAX_BYTES = 64 * 1024;
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
            body = request.hasEntity() ? request.getEntityStream().readNBytes(MAX_BYTES + 1) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        if (body.length > MAX_BYTES) {
            throw new PayrailException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BYTES + " bytes");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        request.setProperty(PROPERTY, body);
        return body;
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
