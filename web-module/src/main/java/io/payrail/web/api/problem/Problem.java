package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * An RFC 9457 problem. {@code type} is {@code urn:payrail:error:<CODE>}, {@code code} repeats the
 * code for clients that do not parse URNs, and {@code errors} lists field violations.
 */
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path-like name and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    /** The HTTP status a code maps to (also carried by SOAP faults). */
    public static int statusOf(ErrorCode code) {
        return HttpStatuses.of(code);
    }

    /** The request's path, as the problem's {@code instance}. */
    public static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    public static Response response(ErrorCode code, String detail, String instance, List<FieldError> errors) {
        return response(HttpStatuses.of(code), code, detail, instance, errors);
    }

    /** For protocol errors whose status is finer than the code's kind (405, 406, 415). */
    public static Response response(int status, ErrorCode code, String detail, String instance,
                                    List<FieldError> errors) {
        Problem problem = new Problem("urn:payrail:error:" + code.name(), code.title(), status, detail, instance,
                code.name(), errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(problem).build();
    }
}
