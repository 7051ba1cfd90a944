package io.payrail.payer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time code sent to a payer: only its hash is kept; used once, or spent by wrong tries. */
@Entity
@Table(name = "payer_code")
public class PayerCode {

    /** What a code is for: a code for one purpose never serves the other. */
    public enum Purpose {
        VERIFY, RESET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "payer_id", nullable = false, updatable = false)
    private Long payerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Purpose purpose;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private String codeHash;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "wrong_tries", nullable = false)
    private int wrongTries;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PayerCode() {
    }

    PayerCode(Long payerId, Purpose purpose, String codeHash, Instant expiresAt, Instant now) {
        this.payerId = payerId;
        this.purpose = purpose;
        this.codeHash = codeHash;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    String codeHash() {
        return codeHash;
    }

    boolean isUsable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    void use(Instant now) {
        usedAt = now;
    }

    /** Counts a wrong code; the last allowed one spends the code. */
    void wrongTry(int maxTries, Instant now) {
        wrongTries++;
        if (wrongTries >= maxTries) {
            usedAt = now;
        }
    }
}
