package io.payrail.web.api.security;

import io.payrail.merchant.auth.AuthenticatedMerchant;
import io.payrail.merchant.auth.RequestAuthenticator;
import io.payrail.merchant.auth.SignedRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Every merchant API call must be signed by the merchant it names (docs/authentication.md). */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class MerchantAuthenticationFilter implements ContainerRequestFilter {

    @Inject
    private RequestAuthenticator authenticator;

    @Inject
    private MerchantContext merchant;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!GatewayPaths.isMerchantApi(request.getUriInfo().getPath())) {
            return;
        }
        SignedRequest signed = new SignedRequest(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getMethod(), RequestBodies.target(servletRequest), RequestBodies.of(request));
        AuthenticatedMerchant who = authenticator.authenticate(signed);
        merchant.authenticated(who.merchantId());
    }
}
