package io.payrail.payer;

import io.payrail.common.SignInLockout;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A payer: the login, the password hash, whether the login was verified, the lock-out state. */
@Entity
@Table(name = "payer")
public class PayerAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String login;

    @Enumerated(EnumType.STRING)
    @Column(name = "login_kind", nullable = false, updatable = false)
    private PayerLogin.Kind loginKind;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Embedded
    private SignInLockout lockout = new SignInLockout();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected PayerAccount() {
    }

    PayerAccount(PayerLogin login, String passwordHash, Instant now) {
        this.login = login.value();
        this.loginKind = login.kind();
        this.passwordHash = passwordHash;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public PayerLogin login() {
        return new PayerLogin(login, loginKind);
    }

    String passwordHash() {
        return passwordHash;
    }

    void password(String hash) {
        this.passwordHash = hash;
    }

    public boolean isVerified() {
        return verifiedAt != null;
    }

    void verified(Instant now) {
        if (verifiedAt == null) {
            verifiedAt = now;
        }
    }

    SignInLockout lockout() {
        return lockout;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
