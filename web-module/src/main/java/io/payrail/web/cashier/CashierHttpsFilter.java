package io.payrail.web.cashier;

import io.payrail.web.api.security.HttpsOnly;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cashier and the payer pages ({@code /payer/}) over TLS only: a plain-HTTP GET is sent to the same page over HTTPS (nothing secret
 * was sent yet, and a payer typing the address should still arrive); a plain-HTTP POST, which would
 * have carried a card in clear, is refused and not acted on. Every answer is kept out of caches and
 * frames, and the page's address (it holds the order's token) is never sent on as a referrer.
 * A plain-HTTP POST to a payer page (a password, a code) is refused the same way.
 */
@WebFilter(urlPatterns = {"/cashier/*", "/payer/*"})
public class CashierHttpsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = HttpsOnly.PORT_PROPERTY, defaultValue = HttpsOnly.DEFAULT_PORT)
    int httpsPort;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.isSecure()) {
            chain.doFilter(request, response);
            return;
        }
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", "https://" + request.getServerName() + ":" + httpsPort
                    + request.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(request.getRequestURI().startsWith(request.getContextPath() + "/payer/")
                ? "Payer pages take forms over HTTPS only: nothing was done. Open https://" + request.getServerName()
                + ":" + httpsPort + request.getRequestURI() + " and send it there; if you typed a password over plain"
                + " HTTP, change it.\n"
                : "The cashier takes payments over HTTPS only: nothing was done. Open https://"
                + request.getServerName() + ":" + httpsPort + request.getRequestURI()
                + " and pay there; if you typed a card over plain HTTP, treat it as exposed and ask your bank.\n");
    }
}
