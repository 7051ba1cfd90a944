package io.payrail.web.api.security;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.staff.StaffDirectory;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The operator API takes {@code Authorization: Bearer <token>}, a token issued to a staff member by
 * {@code POST /api/operator/tokens} (their id and password, and TOTP code when they have one): it
 * acts as that member, with their roles, until it expires or is revoked. Only asking for a token
 * needs no token. What each role may call is {@link OperatorRoleFilter}'s.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OperatorAuthenticationFilter implements ContainerRequestFilter {

    @Inject
    private StaffDirectory staff;

    @Inject
    private OperatorContext operator;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!GatewayPaths.isOperatorApi(path)
                || GatewayPaths.isTokenRequest(path) && "POST".equals(request.getMethod())) {
            return;
        }
        operator.authenticated(staff.authenticate(bearer(request)).orElseThrow(() -> new PayrailException(
                ErrorCode.OPERATOR_UNAUTHORIZED, "send 'Authorization: Bearer <token>' with a token from POST"
                + " /api/operator/tokens (staffId, password); tokens expire and a revoked one is refused: ask for a"
                + " new one")), servletRequest.getRemoteAddr());
    }

    /** The bearer token of the request, or "" without one. */
    static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
    }
}
