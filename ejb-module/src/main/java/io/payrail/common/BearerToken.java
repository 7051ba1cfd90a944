package io.payrail.common;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A bearer token (staff's operator-API tokens, payers' API tokens): only its SHA-256 is kept
 * ({@link Passwords#sha256}), with its expiry and, once ended early, its revocation.
 */
@MappedSuperclass
public abstract class BearerToken {

    @Id
    @Column(name = "token_sha256")
    private String tokenSha256;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected BearerToken() {
    }

    protected BearerToken(String tokenSha256, Instant issuedAt, Instant expiresAt) {
        this.tokenSha256 = tokenSha256;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public boolean isValid(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
