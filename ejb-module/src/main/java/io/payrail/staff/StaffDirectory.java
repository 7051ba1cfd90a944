package io.payrail.staff;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.common.Passwords;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Staff accounts and how they sign in: password (PBKDF2) and, when enabled, a TOTP code; lock-out
 * after {@code payrail.staff.lockout.max-failures} failures in a row for
 * {@code payrail.staff.lockout.minutes}; bearer tokens for the operator API that expire after
 * {@code payrail.staff.token-ttl-minutes}. Every change to an account is audited in its transaction.
 */
@Stateless
public class StaffDirectory {

    /** The first administrator that {@code ./payrail run} creates. */
    public static final String FIRST_ADMIN = "admin";
    static final int MIN_PASSWORD_LENGTH = 12;

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Passwords passwords;

    @Inject
    private StaffAudit audit;

    @Inject
    @ConfigProperty(name = "payrail.staff.lockout.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "payrail.staff.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    @Inject
    @ConfigProperty(name = "payrail.staff.token-ttl-minutes", defaultValue = "480")
    int tokenTtlMinutes;

    /** Checks a sign-in and counts it: failures towards the lock-out, a success resets the count. */
    public LoginOutcome login(String id, String password, String totpCode, String address) {
        StaffAccount account = id == null ? null : em.find(StaffAccount.class, id.strip());
        Instant now = clock.instant();
        if (account == null || password == null) {
            // the same work as for a known account: the answer's timing does not tell which ids exist
            passwords.verifyNothing();
            audit.record(String.valueOf(id), "LOGIN_FAILED", id, null, "unknown staff id", address);
            return LoginOutcome.failed(LoginOutcome.Status.BAD_CREDENTIALS);
        }
        if (account.isLocked(now)) {
            audit.record(account.id(), "LOGIN_FAILED", account.id(), null, "locked", address);
            return LoginOutcome.failed(LoginOutcome.Status.LOCKED);
        }
        if (account.isDisabled() || !passwords.verify(password, account.passwordHash())) {
            return failed(account, now, LoginOutcome.Status.BAD_CREDENTIALS, "bad credentials", address);
        }
        if (account.hasTotp() && !Totp.verify(account.totpSecret(), totpCode, now)) {
            return failed(account, now, LoginOutcome.Status.TOTP_REQUIRED, "TOTP code missing or wrong", address);
        }
        account.succeeded();
        audit.record(account.id(), "LOGIN", account.id(), null, null, address);
        return new LoginOutcome(LoginOutcome.Status.OK, identity(account));
    }

    /** Counts a failed sign-in (the last allowed one locks the account) and audits it. */
    private LoginOutcome failed(StaffAccount account, Instant now, LoginOutcome.Status status, String reason,
                                String address) {
        account.failed(maxFailures, now.plus(Duration.ofMinutes(lockoutMinutes)));
        boolean locked = account.isLocked(now);
        audit.record(account.id(), "LOGIN_FAILED", account.id(), null, locked ? reason + "; locked" : reason, address);
        return LoginOutcome.failed(locked ? LoginOutcome.Status.LOCKED : status);
    }

    /** The member's own password change (the forced one after a one-time password included). */
    public void changePassword(String id, String current, String next, String address) {
        StaffAccount account = require(id);
        if (!passwords.verify(current, account.passwordHash())) {
            throw new PayrailException(ErrorCode.OPERATOR_UNAUTHORIZED, "the current password is wrong; type it again");
        }
        requireStrong(next);
        if (next.equals(current)) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "choose a new password, not the current one");
        }
        account.password(hashOf(next), false);
        audit.record(id, "PASSWORD_CHANGED", id, null, null, address);
    }

    /**
     * Turns a sign-in outcome into the identity, or the refusal an API caller gets (the failure was
     * already counted and audited by {@link #login}, in its own transaction).
     *
     * @throws PayrailException OPERATOR_UNAUTHORIZED, STAFF_LOCKED, STAFF_PASSWORD_CHANGE_REQUIRED
     */
    public StaffIdentity requireTokenable(LoginOutcome outcome) {
        switch (outcome.status()) {
            case OK -> { }
            case LOCKED -> throw new PayrailException(ErrorCode.STAFF_LOCKED, "too many failed sign-ins: the account"
                    + " is locked for " + lockoutMinutes + " minutes; wait, or ask an administrator to unlock it");
            case TOTP_REQUIRED -> throw new PayrailException(ErrorCode.OPERATOR_UNAUTHORIZED,
                    "this account has a second factor: send the current six-digit code as totp");
            default -> throw new PayrailException(ErrorCode.OPERATOR_UNAUTHORIZED,
                    "staff id or password is wrong; check both (accounts lock after " + maxFailures + " failures)");
        }
        if (outcome.identity().mustChangePassword()) {
            throw new PayrailException(ErrorCode.STAFF_PASSWORD_CHANGE_REQUIRED, "this is a one-time password: sign in"
                    + " to the back office (/admin/) and choose your own first, then ask for a token again");
        }
        return outcome.identity();
    }

    /** An operator-API token for a member who just signed in ({@link #requireTokenable}); shown once. */
    public IssuedToken issueToken(StaffIdentity identity, String address) {
        String token = "stf_" + Passwords.random(32);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofMinutes(tokenTtlMinutes));
        em.persist(new StaffToken(Passwords.sha256(token), identity.id(), now, expires));
        audit.record(identity.id(), "TOKEN_ISSUED", identity.id(), null, "expires " + expires, address);
        return new IssuedToken(token, expires, identity);
    }

    /** The member a valid (issued, unexpired, unrevoked) token belongs to, if the account is enabled. */
    public Optional<StaffIdentity> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        StaffToken found = em.find(StaffToken.class, Passwords.sha256(token));
        if (found == null || !found.isValid(clock.instant())) {
            return Optional.empty();
        }
        StaffAccount account = em.find(StaffAccount.class, found.staffId());
        return account == null || account.isDisabled() ? Optional.empty() : Optional.of(identity(account));
    }

    /** Ends a token before its expiry (sign-out of a script); idempotent. */
    public void revokeToken(String token, String address) {
        StaffToken found = em.find(StaffToken.class, Passwords.sha256(token));
        if (found != null) {
            found.revoke(clock.instant());
            audit.record(found.staffId(), "TOKEN_REVOKED", found.staffId(), null, null, address);
        }
    }

    /** The member's current identity (roles may have changed since sign-in). */
    public Optional<StaffIdentity> find(String id) {
        StaffAccount account = em.find(StaffAccount.class, id);
        return account == null || account.isDisabled() ? Optional.empty() : Optional.of(identity(account));
    }

    /** A new member with a one-time password (returned once; changed at the first sign-in). */
    public String create(String id, String displayName, Set<StaffRole> roles, String actor, String address) {
        if (roles.isEmpty()) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "give the new member at least one role");
        }
        if (em.find(StaffAccount.class, id) != null) {
            throw new PayrailException(ErrorCode.OPERATOR_CONFLICT, "staff " + id
                    + " exists (disabled ones too: ids are never reused); choose another id");
        }
        String password = oneTimePassword();
        em.persist(new StaffAccount(id, displayName, roles, hashOf(password), true, actor, clock.instant()));
        audit.record(actor, "STAFF_CREATED", id, null, describe(id, roles, false), address);
        return password;
    }

    public void setRoles(String id, Set<StaffRole> roles, String actor, String address) {
        if (roles.isEmpty()) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "keep at least one role; disable the member instead");
        }
        StaffAccount account = require(id);
        String before = describe(id, account.roles(), account.isDisabled());
        account.roles(roles);
        audit.record(actor, "STAFF_ROLES_CHANGED", id, before, describe(id, roles, account.isDisabled()), address);
    }

    public void setDisabled(String id, boolean disabled, String actor, String address) {
        if (id.equals(actor)) {
            throw new PayrailException(ErrorCode.OPERATOR_FORBIDDEN, "you cannot disable yourself; ask another administrator");
        }
        StaffAccount account = require(id);
        String before = describe(id, account.roles(), account.isDisabled());
        account.disabled(disabled);
        audit.record(actor, disabled ? "STAFF_DISABLED" : "STAFF_ENABLED", id, before,
                describe(id, account.roles(), disabled), address);
    }

    public void unlock(String id, String actor, String address) {
        StaffAccount account = require(id);
        String before = "lockedUntil=" + account.lockedUntil() + ", failedLogins=" + account.failedLogins();
        account.unlock();
        audit.record(actor, "STAFF_UNLOCKED", id, before, "lockedUntil=null, failedLogins=0", address);
    }

    /** A new one-time password for a member who forgot theirs; returned once. */
    public String resetPassword(String id, String actor, String address) {
        StaffAccount account = require(id);
        String password = oneTimePassword();
        account.password(hashOf(password), true);
        audit.record(actor, "STAFF_PASSWORD_RESET", id, null, "one-time password issued", address);
        return password;
    }

    /** Turns the second factor on with a new secret (returned once, for the authenticator app). */
    public String enableTotp(String id, String actor, String address) {
        StaffAccount account = require(id);
        String secret = Totp.newSecret();
        boolean had = account.hasTotp();
        account.totpSecret(secret);
        audit.record(actor, "STAFF_TOTP_ENABLED", id, "totp=" + had, "totp=true", address);
        return secret;
    }

    public List<StaffAccount> list() {
        return em.createQuery("select a from StaffAccount a order by a.id", StaffAccount.class).getResultList();
    }

    /**
     * Creates the member unless they exist (the run scripts' bootstrap). {@code automation}
     * accounts belong to the installation's scripts, which keep the password: it is set to the
     * given one every time, and never needs changing.
     */
    public boolean ensure(String id, Set<StaffRole> roles, String password, boolean automation) {
        StaffAccount account = em.find(StaffAccount.class, id);
        if (account == null) {
            em.persist(new StaffAccount(id, automation ? "automation (" + id + ")" : id, roles, hashOf(password),
                    !automation, "bootstrap", clock.instant()));
            audit.record("bootstrap", "STAFF_CREATED", id, null, describe(id, roles, false), null);
            return true;
        }
        if (automation && !passwords.verify(password, account.passwordHash())) {
            account.password(hashOf(password), false);
            audit.record("bootstrap", "STAFF_PASSWORD_RESET", id, null, "automation password from the bootstrap file",
                    null);
        }
        return false;
    }

    private StaffAccount require(String id) {
        StaffAccount account = em.find(StaffAccount.class, id);
        if (account == null) {
            throw new PayrailException(ErrorCode.OPERATOR_NOT_FOUND, "no staff member " + id + "; list them first");
        }
        return account;
    }

    private static StaffIdentity identity(StaffAccount account) {
        return new StaffIdentity(account.id(), account.roles(), account.mustChangePassword());
    }

    private static String describe(String id, Set<StaffRole> roles, boolean disabled) {
        return "{\"id\":\"" + id + "\",\"roles\":\"" + StaffRole.join(roles) + "\",\"disabled\":" + disabled + "}";
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED,
                    "the new password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static String oneTimePassword() {
        return Passwords.random(12);
    }

    private String hashOf(String password) {
        return passwords.hash(password);
    }

    /** A new operator-API token (shown once) and whose it is. */
    public record IssuedToken(String token, Instant expiresAt, StaffIdentity identity) {
    }
}
