package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;
import io.payrail.web.api.json.InvalidBodyException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body the strict reader refused: 400 MALFORMED_REQUEST with the offending fields. */
@Provider
public class InvalidBodyMapper implements ExceptionMapper<InvalidBodyException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(InvalidBodyException e) {
        return Problem.response(ErrorCode.MALFORMED_REQUEST, e.getMessage(), Problem.instance(uri), e.errors());
    }
}
