package io.payrail.payer;

import io.payrail.common.ErrorCode;
import io.payrail.common.Passwords;
import io.payrail.common.PayrailException;
import io.payrail.common.Persistence;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payer accounts and how payers sign in. A registration or a forgotten password sends a six-digit
 * code to the login ({@link PayerMessages}); the code is kept as a slow hash, is good for
 * {@code payrail.payer.code-minutes}, for one use and {@code payrail.payer.code-max-tries} wrong tries,
 * and a new code of the same purpose replaces the earlier ones. Sign-in locks the account for
 * {@code payrail.payer.lockout.minutes} after {@code payrail.payer.lockout.max-failures} failures in a
 * row. Outcomes a payer may get wrong (a sign-in, a code) are returned, not thrown, so that the
 * failure they count is committed.
 */
@Stateless
public class PayerDirectory {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int CODE_DIGITS = 6;
    private static final Logger LOG = Logger.getLogger(PayerDirectory.class.getName());

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Passwords passwords;

    @Inject
    private PayerMessages messages;

    @Inject
    @ConfigProperty(name = "payrail.payer.lockout.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "payrail.payer.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    @Inject
    @ConfigProperty(name = "payrail.payer.code-minutes", defaultValue = "10")
    int codeMinutes;

    @Inject
    @ConfigProperty(name = "payrail.payer.code-max-tries", defaultValue = "5")
    int codeMaxTries;

    @Inject
    @ConfigProperty(name = "payrail.payer.token-ttl-minutes", defaultValue = "60")
    int tokenTtlMinutes;

    /**
     * A new account, or a new password and code for one never verified (the payer lost the first
     * code); either way a verification code goes to the login. The answer's registration secret goes
     * to the registering browser or client only: the code confirms the account only together with
     * it, so that whoever registers a login cannot take over the account when its owner types the
     * code they received (and an earlier registration's secret is worth nothing after a new one).
     *
     * @throws PayrailException VALIDATION_FAILED (login, password), PAYER_LOGIN_TAKEN (a verified account
     *         has this login), SERVICE_UNAVAILABLE (the code could not be sent: nothing is kept)
     */
    public Registration register(String typedLogin, String password) {
        PayerLogin login = PayerLogin.of(typedLogin);
        requireStrong(password);
        Instant now = clock.instant();
        PayerAccount account = byLogin(login).orElse(null);
        if (account != null && account.isVerified()) {
            throw new PayrailException(ErrorCode.PAYER_LOGIN_TAKEN, "an account with this login exists: sign in,"
                    + " or reset its password if you forgot it");
        }
        if (account == null) {
            account = new PayerAccount(login, passwords.hash(password), now);
            try {
                em.persist(account);
                em.flush();
            } catch (PersistenceException e) {
                if (Persistence.isDuplicateKey(e)) {
                    // another registration of this login committed first
                    throw new PayrailException(ErrorCode.CONCURRENT_MODIFICATION, "this login was registered by"
                            + " another request at the same moment; register again to get a code of your own");
                }
                throw e;
            }
        } else {
            account.password(passwords.hash(password));
        }
        String secret = Passwords.random(24);
        sendCode(account, PayerCode.Purpose.VERIFY, secret, now);
        LOG.info(() -> "payer registration for " + login.masked());
        return new Registration(login, secret);
    }

    /**
     * Confirms the login with the code sent at its latest registration and that registration's
     * secret; the payer's id when both were right.
     */
    public CodeOutcome verify(String typedLogin, String code, String registrationSecret) {
        return useCode(typedLogin, code, registrationSecret == null ? "" : registrationSecret,
                PayerCode.Purpose.VERIFY, (account, now) -> account.verified(now));
    }

    /**
     * Sends a code to reset the password. Whether the login has an account is not told: the answer
     * is the same, and only an account's login gets a message.
     *
     * @throws PayrailException VALIDATION_FAILED when the login is neither an e-mail address nor a phone number
     */
    public void requestReset(String typedLogin) {
        PayerLogin login = PayerLogin.of(typedLogin);
        // no secret: the code alone proves the login is the payer's (nobody else receives it)
        byLogin(login).ifPresent(account -> sendCode(account, PayerCode.Purpose.RESET, "", clock.instant()));
    }

    /**
     * A new password with the reset code; it also ends a lock-out and confirms the login (the code
     * reached it).
     *
     * @throws PayrailException VALIDATION_FAILED when the new password is too short (nothing is spent)
     */
    public CodeOutcome resetPassword(String typedLogin, String code, String newPassword) {
        requireStrong(newPassword);
        String hash = passwords.hash(newPassword);
        return useCode(typedLogin, code, "", PayerCode.Purpose.RESET, (account, now) -> {
            account.password(hash);
            account.lockout().clear();
            account.verified(now);
            revokeTokens(account.id(), now);
        });
    }

    /** Checks a sign-in and counts it: failures towards the lock-out, a success resets the count. */
    public SignInOutcome signIn(String typedLogin, String password) {
        PayerLogin login;
        try {
            login = PayerLogin.of(typedLogin);
        } catch (PayrailException e) {
            passwords.verifyNothing();
            return SignInOutcome.failed(SignInOutcome.Status.BAD_CREDENTIALS);
        }
        Instant now = clock.instant();
        PayerAccount account = byLogin(login).orElse(null);
        if (account == null) {
            passwords.verifyNothing();
            return SignInOutcome.failed(SignInOutcome.Status.BAD_CREDENTIALS);
        }
        if (account.lockout().isLocked(now)) {
            return SignInOutcome.failed(SignInOutcome.Status.LOCKED);
        }
        if (!passwords.verify(password, account.passwordHash())) {
            account.lockout().failed(maxFailures, now.plus(Duration.ofMinutes(lockoutMinutes)));
            boolean locked = account.lockout().isLocked(now);
            if (locked) {
                LOG.info(() -> "payer " + account.id() + " locked for " + lockoutMinutes + " minutes after "
                        + maxFailures + " failed sign-ins");
            }
            return SignInOutcome.failed(locked ? SignInOutcome.Status.LOCKED : SignInOutcome.Status.BAD_CREDENTIALS);
        }
        if (!account.isVerified()) {
            return SignInOutcome.failed(SignInOutcome.Status.NOT_VERIFIED);
        }
        account.lockout().clear();
        return new SignInOutcome(SignInOutcome.Status.OK, account.id());
    }

    /**
     * The payer's own password change.
     *
     * @throws PayrailException PAYER_UNAUTHORIZED when the current password is wrong, VALIDATION_FAILED
     */
    public void changePassword(long payerId, String current, String next) {
        PayerAccount account = em.find(PayerAccount.class, payerId);
        if (account == null || !passwords.verify(current, account.passwordHash())) {
            throw new PayrailException(ErrorCode.PAYER_UNAUTHORIZED, "the current password is wrong; type it again");
        }
        requireStrong(next);
        if (next.equals(current)) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "choose a new password, not the current one");
        }
        account.password(passwords.hash(next));
    }

    /** The login of a payer (to greet them), if the account exists. */
    public Optional<PayerLogin> find(long payerId) {
        return Optional.ofNullable(em.find(PayerAccount.class, payerId)).map(PayerAccount::login);
    }

    /** A payer-API token for a payer who just signed in; shown once. */
    public IssuedToken issueToken(long payerId) {
        String token = "pyr_" + Passwords.random(32);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofMinutes(tokenTtlMinutes));
        em.persist(new PayerToken(Passwords.sha256(token), payerId, now, expires));
        return new IssuedToken(token, expires);
    }

    /** The payer a valid (issued, unexpired, unrevoked) token belongs to. */
    public Optional<Long> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        PayerToken found = em.find(PayerToken.class, Passwords.sha256(token));
        return found == null || !found.isValid(clock.instant()) ? Optional.empty() : Optional.of(found.payerId());
    }

    /** Ends a token before its expiry (sign-out); idempotent. */
    public void revokeToken(String token) {
        PayerToken found = em.find(PayerToken.class, Passwords.sha256(token));
        if (found != null) {
            found.revoke(clock.instant());
        }
    }

    private void revokeTokens(Long payerId, Instant now) {
        em.createQuery("select t from PayerToken t where t.payerId = :payer", PayerToken.class)
                .setParameter("payer", payerId).getResultList().forEach(t -> t.revoke(now));
    }

    /** What happens to an account once its code was right. */
    @FunctionalInterface
    private interface CodeUse {
        void apply(PayerAccount account, Instant now);
    }

    private CodeOutcome useCode(String typedLogin, String code, String secret, PayerCode.Purpose purpose, CodeUse use) {
        Instant now = clock.instant();
        PayerAccount account;
        try {
            account = byLogin(PayerLogin.of(typedLogin)).orElse(null);
        } catch (PayrailException e) {
            account = null;
        }
        List<PayerCode> codes = account == null ? List.of() : em.createQuery("select c from PayerCode c where"
                        + " c.payerId = :payer and c.purpose = :purpose and c.usedAt is null", PayerCode.class)
                .setParameter("payer", account.id()).setParameter("purpose", purpose).getResultList();
        PayerCode current = codes.stream().filter(c -> c.isUsable(now)).findFirst().orElse(null);
        if (current == null) {
            passwords.verifyNothing();
            return CodeOutcome.EXPIRED;
        }
        if (code == null || !passwords.verify(bound(code.strip(), secret), current.codeHash())) {
            current.wrongTry(codeMaxTries, now);
            return current.isUsable(now) ? CodeOutcome.WRONG : CodeOutcome.EXPIRED;
        }
        current.use(now);
        use.apply(account, now);
        return CodeOutcome.accepted(account.id());
    }

    /** What a code's hash covers: the code and the secret of the request that asked for it. */
    private static String bound(String code, String secret) {
        return code + ":" + secret;
    }

    private void sendCode(PayerAccount account, PayerCode.Purpose purpose, String secret, Instant now) {
        em.createQuery("select c from PayerCode c where c.payerId = :payer and c.purpose = :purpose"
                        + " and c.usedAt is null", PayerCode.class)
                .setParameter("payer", account.id()).setParameter("purpose", purpose).getResultList()
                .forEach(c -> c.use(now));
        String code = Passwords.digits(CODE_DIGITS);
        em.persist(new PayerCode(account.id(), purpose, passwords.hash(bound(code, secret)),
                now.plus(Duration.ofMinutes(codeMinutes)), now));
        // last: a gateway that refuses the message rolls all of this back
        messages.sendCode(account.login(), purpose, code, codeMinutes);
    }

    private Optional<PayerAccount> byLogin(PayerLogin login) {
        return em.createQuery("select a from PayerAccount a where a.login = :login", PayerAccount.class)
                .setParameter("login", login.value()).getResultStream().findFirst();
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED,
                    "choose a password of at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    /** A registration: the canonical login, and the secret that goes with its code (to its registrant only). */
    public record Registration(PayerLogin login, String secret) {
    }

    /** A payer-API token (shown once) and when it expires. */
    public record IssuedToken(String token, Instant expiresAt) {
    }
}
