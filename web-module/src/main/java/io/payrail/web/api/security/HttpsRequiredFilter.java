package io.payrail.web.api.security;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * All of /api (merchant, operator, channel callbacks, platform certificates) over plain HTTP is
 * 403 HTTPS_REQUIRED, before matching, authentication or reading the body: nothing of such a
 * request is acted on. /health and /openapi are not under /api and stay reachable for probes.
 */
@Provider
@PreMatching
public class HttpsRequiredFilter implements ContainerRequestFilter {

    @Context
    private HttpServletRequest servletRequest;

    @Inject
    @ConfigProperty(name = HttpsOnly.PORT_PROPERTY, defaultValue = HttpsOnly.DEFAULT_PORT)
    int httpsPort;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!servletRequest.isSecure()) {
            throw HttpsOnly.refusal(servletRequest, httpsPort);
        }
    }
}
