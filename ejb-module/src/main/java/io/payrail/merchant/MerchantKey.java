package io.payrail.merchant;

import io.payrail.common.SignatureAlgorithm;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One public key a merchant signs with (RSA or EC P-256, its algorithm kept beside it); two may be ACTIVE at once so keys rotate without downtime. */
@Entity
@Table(name = "merchant_key")
public class MerchantKey {

    public enum Status { ACTIVE, REVOKED }

    @EmbeddedId
    private Id id;

    @Column(name = "public_key_pem", nullable = false, updatable = false)
    private String publicKeyPem;

    @Enumerated(EnumType.STRING)
    @Column(name = "algorithm", nullable = false, updatable = false)
    private SignatureAlgorithm algorithm;

    /** SHA-256 of the key's DER encoding, hex: tells the same key registered twice from another. */
    @Column(name = "fingerprint", nullable = false, updatable = false)
    private String fingerprint;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected MerchantKey() {
    }

    public MerchantKey(String merchantId, String keyId, SignatureAlgorithm algorithm, String publicKeyPem,
                       String fingerprint, Instant now) {
        this.id = new Id(merchantId, keyId);
        this.algorithm = algorithm;
        this.publicKeyPem = publicKeyPem;
        this.fingerprint = fingerprint;
        this.status = Status.ACTIVE;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (status == Status.ACTIVE) {
            status = Status.REVOKED;
            revokedAt = now;
        }
    }

    public String merchantId() {
        return id.merchantId;
    }

    public String keyId() {
        return id.keyId;
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public String publicKeyPem() {
        return publicKeyPem;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Status status() {
        return status;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    /** (merchant id, key id). */
    @Embeddable
    public static class Id implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "merchant_id")
        private String merchantId;

        @Column(name = "key_id")
        private String keyId;

        protected Id() {
        }

        public Id(String merchantId, String keyId) {
            this.merchantId = merchantId;
            this.keyId = keyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && other.merchantId.equals(merchantId) && other.keyId.equals(keyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(merchantId, keyId);
        }
    }
}
