package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.common.SignatureAlgorithm;
import io.payrail.merchant.auth.AuthenticationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Business rule refusals: their code decides the status. A 401 says which scheme to use, a 429
 * when to come back.
 */
@Provider
public class PayrailExceptionMapper implements ExceptionMapper<PayrailException> {

    /** One challenge per signature algorithm (RFC 9110 11.6.1): "PAYRAIL-SHA256-RSA2048, PAYRAIL-SHA256-ECDSA-P256". */
    private static final String MERCHANT_SCHEMES = Arrays.stream(SignatureAlgorithm.values())
            .map(SignatureAlgorithm::scheme).collect(Collectors.joining(", "));

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(PayrailException e) {
        List<Problem.FieldError> errors = e instanceof InvalidFieldException f ? List.of(f.error())
                // the only field a key is given in (POST /api/operator/merchants/{id}/keys)
                : e.code() == ErrorCode.KEY_INVALID ? List.of(new Problem.FieldError("publicKeyPem", e.detail()))
                : null;
        Response problem = Problem.response(e.code(), e.detail(), Problem.instance(uri), errors);
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        if (e instanceof AuthenticationException auth && auth.retryAfterSeconds() > 0) {
            builder.header(HttpHeaders.RETRY_AFTER, auth.retryAfterSeconds());
        }
        if (problem.getStatus() == 401) {
            // the operator API's staff use bearer tokens, merchants the scheme of their key's algorithm
            builder.header(HttpHeaders.WWW_AUTHENTICATE, e.code() == ErrorCode.OPERATOR_UNAUTHORIZED
                    ? "Bearer" : MERCHANT_SCHEMES);
        }
        return builder.build();
    }
}
