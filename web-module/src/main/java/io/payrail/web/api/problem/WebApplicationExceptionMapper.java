package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (no such path, wrong method or media type, unreadable body) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> Problem.response(ErrorCode.RESOURCE_NOT_FOUND, "no resource at this path", Problem.instance(uri), null);
            case 405 -> Problem.response(405, ErrorCode.METHOD_NOT_ALLOWED, "allowed: " + e.getResponse().getAllowedMethods(),
                    Problem.instance(uri), null);
            case 406 -> Problem.response(406, ErrorCode.NOT_ACCEPTABLE, "send Accept: application/json", Problem.instance(uri), null);
            case 415 -> Problem.response(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send Content-Type: application/json",
                    Problem.instance(uri), null);
            default -> status >= 500
                    ? UnexpectedExceptionMapper.internalError(e, Problem.instance(uri))
                    : Problem.response(status, ErrorCode.MALFORMED_REQUEST, MalformedBodyMapper.describe(e),
                    Problem.instance(uri), null);
        };
    }
}
