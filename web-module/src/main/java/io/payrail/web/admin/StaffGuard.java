package io.payrail.web.admin;

import io.payrail.staff.StaffRole;
import io.payrail.web.backoffice.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;

/**
 * Who is signed in and what they may do, for the pages ({@code #{guard.may('OPERATIONS')}} shows a
 * button) and, on the server, for every action ({@link #allows}): the action is refused with a
 * message when the member holds none of its roles, whatever the browser sent.
 */
@Named("guard")
@RequestScoped
public class StaffGuard {

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    @Inject
    private AdminMessages messages;

    /** For the pages: does the member hold one of these roles (comma-separated)? */
    public boolean may(String roles) {
        return Arrays.stream(roles.split(",")).map(String::strip).anyMatch(security::isCallerInRole);
    }

    /** For actions: true when allowed, otherwise false with an error message on the page. */
    public boolean allows(StaffRole... roles) {
        if (Arrays.stream(roles).anyMatch(r -> security.isCallerInRole(r.name()))) {
            return true;
        }
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                messages.format("error.forbidden", Arrays.toString(roles)), null));
        return false;
    }

    public String getStaffId() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    public Actor actor() {
        return new Actor(getStaffId(), request.getRemoteAddr());
    }
}
