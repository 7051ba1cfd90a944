package io.payrail.staff;

import io.payrail.common.BearerToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** An operator-API bearer token of a staff member. */
@Entity
@Table(name = "staff_token")
public class StaffToken extends BearerToken {

    @Column(name = "staff_id", nullable = false, updatable = false)
    private String staffId;

    protected StaffToken() {
    }

    StaffToken(String tokenSha256, String staffId, Instant issuedAt, Instant expiresAt) {
        super(tokenSha256, issuedAt, expiresAt);
        this.staffId = staffId;
    }

    String staffId() {
        return staffId;
    }
}
