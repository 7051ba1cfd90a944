package io.payrail.staff;

import jakarta.persistence.Column;
import io.payrail.common.SignInLockout;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;

/** A staff member: password hash, roles, lock-out state, optional TOTP secret. */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    @Id
    private String id;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String roles;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Embedded
    private SignInLockout lockout = new SignInLockout();

    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    private long version;

    protected StaffAccount() {
    }

    StaffAccount(String id, String displayName, Set<StaffRole> roles, String passwordHash, boolean mustChangePassword,
            String createdBy, Instant now) {
        this.id = id;
        this.displayName = displayName;
        this.roles = StaffRole.join(roles);
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<StaffRole> roles() {
        return StaffRole.parse(roles);
    }

    void roles(Set<StaffRole> newRoles) {
        this.roles = StaffRole.join(newRoles);
    }

    String passwordHash() {
        return passwordHash;
    }

    void password(String hash, boolean mustChange) {
        this.passwordHash = hash;
        this.mustChangePassword = mustChange;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean isLocked(Instant now) {
        return lockout.isLocked(now);
    }

    public Instant lockedUntil() {
        return lockout.lockedUntil();
    }

    void failed(int maxFailures, Instant lockUntil) {
        lockout.failed(maxFailures, lockUntil);
    }

    void succeeded() {
        lockout.clear();
    }

    void unlock() {
        lockout.clear();
    }

    public int failedLogins() {
        return lockout.failedLogins();
    }

    String totpSecret() {
        return totpSecret;
    }

    public boolean hasTotp() {
        return totpSecret != null;
    }

    void totpSecret(String secret) {
        this.totpSecret = secret;
    }

    public boolean isDisabled() {
        return disabled;
    }

    void disabled(boolean value) {
        this.disabled = value;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
