package io.payrail.web.payer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The signed-in payer of a browser session: the session attribute {@value #ATTRIBUTE} holds the
 * payer's id (a {@link Long}). Every part of the web tier that needs the payer (the payer pages, the
 * cashier, the payer API, saved payment methods) reads it here and nowhere else.
 */
public final class PayerSessions {

    /** The payers' sign-in page (relative to the context root). */
    public static final String SIGN_IN_PAGE = "/payer/login.xhtml";

    /** The session attribute of the signed-in payer's id (a Long); absent for a guest. */
    public static final String ATTRIBUTE = "io.payrail.payer.id";

    /**
     * The secret of the registration this browser started (a String), until its code is typed: the
     * code confirms the account only in the browser that registered.
     */
    static final String REGISTRATION = "io.payrail.payer.registration";

    private PayerSessions() {
    }

    /** Keeps the secret of the registration this browser started (replacing an earlier one). */
    static void registered(HttpServletRequest request, String secret) {
        request.getSession(true).setAttribute(REGISTRATION, secret);
    }

    /** The secret of this browser's registration, or null. */
    static String registration(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object secret = session == null ? null : session.getAttribute(REGISTRATION);
        return secret instanceof String s ? s : null;
    }

    /**
     * Signs the payer in: a new session id (a session id planted before sign-in is worth nothing
     * after it), the payer's id, and the idle timeout.
     */
    public static void signIn(HttpServletRequest request, long payerId, int timeoutMinutes) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setMaxInactiveInterval(timeoutMinutes * 60);
        session.removeAttribute(REGISTRATION);
        session.setAttribute(ATTRIBUTE, payerId);
    }

    /**
     * Signs the payer out: the attribute goes, and with it the session (a staff member signed in
     * in the same browser is signed out too: one sign-out ends the browser's session).
     */
    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
            session.invalidate();
        }
    }

    /** The sign-in page's address (relative to the context root) that comes back to {@code next} after. */
    public static String signInUrl(String next) {
        return SIGN_IN_PAGE + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** The signed-in payer's id, if any. */
    public static Optional<Long> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(ATTRIBUTE);
        return id instanceof Long payerId ? Optional.of(payerId) : Optional.empty();
    }
}
