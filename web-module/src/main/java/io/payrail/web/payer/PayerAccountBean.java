package io.payrail.web.payer;

import io.payrail.common.PayrailException;
import io.payrail.payer.CodeOutcome;
import io.payrail.payer.PayerDirectory;
import io.payrail.payer.SignInOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The payer's account forms: register, type the code, sign in and out, change the password, reset
 * a forgotten one. Passwords and codes are never kept beyond the request, nor redisplayed.
 */
@Named("payerAccount")
@RequestScoped
public class PayerAccountBean {

    static final String PAGES = "/payer/";
    static final String SIGN_IN_PAGE = PayerSessions.SIGN_IN_PAGE;
    static final String HOME_PAGE = PAGES + "orders.xhtml";

    @Inject
    private PayerDirectory payers;

    @Inject
    private PayerTexts texts;

    @Inject
    @ConfigProperty(name = "payrail.payer.session-timeout-minutes", defaultValue = "30")
    int sessionTimeoutMinutes;

    @Inject
    @ConfigProperty(name = "payrail.payer.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    private String login;
    private String password;
    private String newPassword;
    private String code;
    /** Where to go after signing in: a page of this site only (never another host). */
    private String next;

    /** Registers and sends the code; the code page follows. */
    public void register() throws IOException {
        try {
            PayerDirectory.Registration registered = payers.register(login, password);
            PayerSessions.registered(request(), registered.secret());
            redirect(PAGES + "verify.xhtml?login=" + encode(registered.login().value()));
        } catch (PayrailException e) {
            texts.refused(e);
        } finally {
            password = null;
        }
    }

    /** The registration code: right, the payer is signed in. */
    public void verify() throws IOException {
        CodeOutcome outcome = payers.verify(login, code, PayerSessions.registration(request()));
        code = null;
        if (outcome.status() == CodeOutcome.Status.ACCEPTED) {
            PayerSessions.signIn(request(), outcome.payerId(), sessionTimeoutMinutes);
            redirect(HOME_PAGE);
        } else {
            codeRefused(outcome);
        }
    }

    public void signIn() throws IOException {
        SignInOutcome outcome = payers.signIn(login, password);
        password = null;
        switch (outcome.status()) {
            case OK -> {
                PayerSessions.signIn(request(), outcome.payerId(), sessionTimeoutMinutes);
                redirect(safeNext());
            }
            case LOCKED -> texts.error("signIn.locked", lockoutMinutes);
            case NOT_VERIFIED -> texts.error("signIn.notVerified");
            default -> texts.error("signIn.failed");
        }
    }

    public void signOut() throws IOException {
        PayerSessions.signOut(request());
        redirect(SIGN_IN_PAGE + "?signedOut=true");
    }

    /** Sends a reset code, if the login has an account (the page says the same either way). */
    public void requestReset() {
        try {
            payers.requestReset(login);
            texts.info("reset.sent");
        } catch (PayrailException e) {
            texts.refused(e);
        }
    }

    public void resetPassword() throws IOException {
        try {
            CodeOutcome outcome = payers.resetPassword(login, code, newPassword);
            if (outcome.status() == CodeOutcome.Status.ACCEPTED) {
                redirect(SIGN_IN_PAGE + "?reset=true");
            } else {
                codeRefused(outcome);
            }
        } catch (PayrailException e) {
            texts.refused(e);
        } finally {
            code = null;
            newPassword = null;
        }
    }

    public void changePassword() {
        try {
            long payerId = PayerSessions.current(request()).orElseThrow();
            payers.changePassword(payerId, password, newPassword);
            texts.info("password.changed");
        } catch (PayrailException e) {
            texts.refused(e);
        } finally {
            password = null;
            newPassword = null;
        }
    }

    /** Whether a payer is signed in (the pages' navigation). */
    public boolean isSignedIn() {
        return PayerSessions.current(request()).isPresent();
    }

    private void codeRefused(CodeOutcome outcome) {
        texts.error(outcome.status() == CodeOutcome.Status.WRONG ? "code.wrong" : "code.expired");
    }

    /** {@code next} when it is a path on this site; "my orders" otherwise (no open redirect). */
    private String safeNext() {
        if (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")) {
            return next;
        }
        return HOME_PAGE;
    }

    private static void redirect(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
        FacesContext.getCurrentInstance().responseComplete();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNewPassword() {
        return null;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
