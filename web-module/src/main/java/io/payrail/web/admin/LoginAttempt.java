package io.payrail.web.admin;

import io.payrail.staff.LoginOutcome;
import jakarta.enterprise.context.RequestScoped;

/** The outcome of this request's sign-in, for the login page's message. */
@RequestScoped
public class LoginAttempt {

    private LoginOutcome outcome;

    void outcome(LoginOutcome value) {
        this.outcome = value;
    }

    LoginOutcome outcome() {
        return outcome;
    }
}
