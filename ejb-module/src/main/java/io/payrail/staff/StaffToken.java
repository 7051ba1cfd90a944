package io.payrail.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An operator-API bearer token of a staff member: only its SHA-256 is kept. */
@Entity
@Table(name = "staff_token")
public class StaffToken {

    @Id
    @Column(name = "token_sha256")
    private String tokenSha256;

    @Column(name = "staff_id", nullable = false, updatable = false)
    private String staffId;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected StaffToken() {
    }

    StaffToken(String tokenSha256, String staffId, Instant issuedAt, Instant expiresAt) {
        this.tokenSha256 = tokenSha256;
        this.staffId = staffId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    String staffId() {
        return staffId;
    }

    boolean isValid(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
