package io.payrail.web.admin;

import io.payrail.staff.StaffDirectory;
import io.payrail.staff.StaffIdentity;
import io.payrail.staff.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Form sign-in for the back office. Only {@code /admin/} is its business: every other request
 * (cashier, payer pages, APIs, SOAP) passes untouched. Over plain HTTP the back office is refused
 * (403), never redirected. A sign-in (the login page calls {@code SecurityContext.authenticate} with a
 * {@link StaffCredential}) goes to the identity store; on success the session id changes (no
 * fixation), the session keeps the staff id and ends after {@code payrail.staff.session-timeout-minutes}
 * idle. Every later request re-reads the member, so new roles, a disabled account or a changed
 * password take effect at once. An anonymous request for a protected page goes to the login page.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String AREA = "/admin/";
    static final String LOGIN_PAGE = "/admin/login.xhtml";
    static final String SESSION_STAFF = "payrail.staff.id";

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private StaffDirectory staff;

    @Inject
    @ConfigProperty(name = "payrail.staff.session-timeout-minutes", defaultValue = "15")
    int sessionTimeoutMinutes;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!inArea(request)) {
            return context.doNothing();
        }
        if (!request.isSecure()) {
            return refusePlainHttp(response);
        }
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof StaffCredential credential) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession(true);
            request.changeSessionId();
            HttpSession session = request.getSession();
            session.setMaxInactiveInterval(sessionTimeoutMinutes * 60);
            session.setAttribute(SESSION_STAFF, result.getCallerPrincipal().getName());
            return context.notifyContainerAboutLogin(result);
        }
        Optional<StaffIdentity> signedIn = signedIn(request);
        if (signedIn.isPresent()) {
            return context.notifyContainerAboutLogin(signedIn.get().id(),
                    signedIn.get().roles().stream().map(StaffRole::name).collect(Collectors.toSet()));
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** The member this session signed in as, as they are now (gone when disabled). */
    private Optional<StaffIdentity> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(SESSION_STAFF);
        Optional<StaffIdentity> member = id == null ? Optional.empty() : staff.find(id.toString());
        if (id != null && member.isEmpty()) {
            session.invalidate();
        }
        return member;
    }

    static boolean inArea(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + AREA);
    }

    private static AuthenticationStatus refusePlainHttp(HttpServletResponse response) {
        try {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("The back office answers only over HTTPS: open it with https:// on the HTTPS"
                    + " port (8181 by default) instead.\n");
        } catch (IOException e) {
            // the client went away; nothing was served either way
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
