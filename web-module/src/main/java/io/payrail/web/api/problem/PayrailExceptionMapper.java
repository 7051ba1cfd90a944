package io.payrail.web.api.problem;

import io.payrail.common.PayrailException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Business rule refusals: their code decides the status. */
@Provider
public class PayrailExceptionMapper implements ExceptionMapper<PayrailException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(PayrailException e) {
        return Problem.response(e.code(), e.detail(), Problem.instance(uri), null);
    }
}
