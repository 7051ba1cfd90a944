package io.payrail.payer;

import io.payrail.common.BearerToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A payer-API bearer token. */
@Entity
@Table(name = "payer_token")
public class PayerToken extends BearerToken {

    @Column(name = "payer_id", nullable = false, updatable = false)
    private Long payerId;

    protected PayerToken() {
    }

    PayerToken(String tokenSha256, Long payerId, Instant issuedAt, Instant expiresAt) {
        super(tokenSha256, issuedAt, expiresAt);
        this.payerId = payerId;
    }

    Long payerId() {
        return payerId;
    }
}
