package io.payrail.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named operator and the SHA-256 of their bearer token (the token itself is shown once, never kept). */
@Entity
@Table(name = "operator_account")
public class OperatorAccount {

    @Id
    private String id;

    @Column(name = "token_sha256", nullable = false)
    private String tokenSha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected OperatorAccount() {
    }

    OperatorAccount(String id, String tokenSha256, String createdBy, Instant now) {
        this.id = id;
        this.tokenSha256 = tokenSha256;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
