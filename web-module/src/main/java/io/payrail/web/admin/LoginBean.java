package io.payrail.web.admin;

import io.payrail.staff.LoginOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The login form and sign-out. */
@Named("login")
@RequestScoped
public class LoginBean {

    @Inject
    private SecurityContext security;

    @Inject
    private LoginAttempt attempt;

    @Inject
    private AdminMessages messages;

    @Inject
    @ConfigProperty(name = "payrail.staff.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    private String staffId;
    private String password;
    private String totp;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true).credential(
                        new StaffCredential(staffId, password, totp, request.getRemoteAddr())));
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/admin/dashboard.xhtml");
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else {
            LoginOutcome outcome = attempt.outcome();
            LoginOutcome.Status why = outcome == null ? LoginOutcome.Status.BAD_CREDENTIALS : outcome.status();
            switch (why) {
                case LOCKED -> messages.error("login.locked", lockoutMinutes);
                case TOTP_REQUIRED -> messages.error("login.totp.needed");
                default -> messages.error("login.failed");
            }
        }
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + StaffAuthenticationMechanism.LOGIN_PAGE);
    }

    public String getStaffId() {
        return staffId;
    }

    public void setStaffId(String staffId) {
        this.staffId = staffId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getTotp() {
        return totp;
    }

    public void setTotp(String totp) {
        this.totp = totp;
    }
}
