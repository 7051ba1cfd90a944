package io.payrail.web.admin;

import io.payrail.staff.LoginOutcome;
import io.payrail.staff.StaffDirectory;
import io.payrail.staff.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;

/**
 * The staff accounts as a Jakarta Security identity store: validates a {@link StaffCredential}
 * (lock-out and TOTP included) and gives the member's roles as groups (mapped one to one to roles
 * in glassfish-web.xml). Why a sign-in failed is left in {@link LoginAttempt} for the login page.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    private StaffDirectory staff;

    @Inject
    private LoginAttempt attempt;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof StaffCredential c)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        LoginOutcome outcome = staff.login(c.staffId(), c.password(), c.totp(), c.address());
        attempt.outcome(outcome);
        if (outcome.status() != LoginOutcome.Status.OK) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(outcome.identity().id(),
                outcome.identity().roles().stream().map(StaffRole::name).collect(Collectors.toSet()));
    }
}
