package io.payrail.web.admin;

import jakarta.security.enterprise.credential.Credential;

/** What the login form sends: staff id, password, TOTP code (may be empty) and the caller's address. */
public record StaffCredential(String staffId, String password, String totp, String address) implements Credential {

    @Override
    public String toString() {
        // never the password or the code, whatever logs this
        return "StaffCredential[" + staffId + "]";
    }
}
