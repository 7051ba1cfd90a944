package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body JSON-B could not read (not JSON, a string where a number belongs, a number too large, an
 * unknown field, an unknown enum constant): 400 MALFORMED_REQUEST, with the parser's reason
 * reduced to one safe line.
 */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ProcessingException e) {
        if (!isBodyError(e)) {
            return UnexpectedExceptionMapper.internalError(e, Problem.instance(uri));
        }
        return Problem.response(ErrorCode.MALFORMED_REQUEST, describe(e), Problem.instance(uri), null);
    }

    static boolean isBodyError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost parser message, cut to one line: enough to find the mistake, nothing internal. */
    static String describe(Throwable e) {
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ((t instanceof JsonbException || t instanceof JsonException) && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        if (reason == null) {
            return "the request body is not valid JSON for this operation";
        }
        reason = reason.replaceAll("\\s+", " ");
        return "the request body is not valid JSON for this operation: "
                + (reason.length() <= 300 ? reason : reason.substring(0, 300) + "…");
    }
}
