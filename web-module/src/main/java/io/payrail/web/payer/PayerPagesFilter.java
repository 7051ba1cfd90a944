package io.payrail.web.payer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The payer pages that need a signed-in payer ("my orders", an order, the password) send a guest
 * to the sign-in page, which brings them back afterwards. The sign-in, registration, code and reset
 * pages (and the pages' resources) are open to guests.
 */
@WebFilter(urlPatterns = "/payer/*")
public class PayerPagesFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> OPEN = Set.of("login.xhtml", "register.xhtml", "verify.xhtml", "reset.xhtml");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String page = request.getRequestURI().substring(request.getContextPath().length()
                + PayerAccountBean.PAGES.length());
        if (OPEN.contains(page) || PayerSessions.current(request).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        String back = request.getRequestURI().substring(request.getContextPath().length())
                + (query == null ? "" : "?" + query);
        response.sendRedirect(request.getContextPath() + PayerSessions.signInUrl(back));
    }
}
