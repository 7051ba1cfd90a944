package io.payrail.web.api.security;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The API and SOAP calls carry keys, signatures and payment data: they are answered over TLS only.
 * The decision is the servlet's {@code isSecure()}, per request; behind a load balancer that ends
 * TLS, Payara's listener must be told the original scheme (docs/api.md, "HTTPS only").
 */
public final class HttpsOnly {

    /** MicroProfile Config key: the HTTPS port a refusal points to (the run scripts set the stack's own). */
    public static final String PORT_PROPERTY = "payrail.gateway.https-port";
    public static final String DEFAULT_PORT = "8181";

    private HttpsOnly() {
    }

    /**
     * The refusal of a plain-HTTP request. Never a redirect: a client that follows one resends a
     * payment it has already sent in clear, and many do so for a POST as a GET.
     */
    public static PayrailException refusal(HttpServletRequest request, int httpsPort) {
        return new PayrailException(ErrorCode.HTTPS_REQUIRED, "Payrail answers this API only over HTTPS: send the"
                + " request to https://" + request.getServerName() + ":" + httpsPort + request.getRequestURI()
                + " instead (and treat whatever it carried over plain HTTP as exposed)");
    }
}
