package io.payrail.web.admin;

import io.payrail.staff.StaffDirectory;
import io.payrail.staff.StaffIdentity;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A member signed in with a one-time password sees nothing but the password page (and may sign
 * out) until they have chosen their own.
 */
@WebFilter("/admin/*")
public class PasswordChangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String PASSWORD_PAGE = "/admin/password.xhtml";

    @Inject
    private StaffDirectory staff;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getUserPrincipal() != null && !path.equals(PASSWORD_PAGE)
                && !path.equals(StaffAuthenticationMechanism.LOGIN_PAGE) && !path.equals("/admin/logout.xhtml")
                && staff.find(request.getUserPrincipal().getName()).map(StaffIdentity::mustChangePassword).orElse(false)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
