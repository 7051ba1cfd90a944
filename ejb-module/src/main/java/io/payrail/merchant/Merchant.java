package io.payrail.merchant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A business that collects payments through Payrail. */
@Entity
@Table(name = "merchant")
public class Merchant {

    @Id
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private MerchantStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Merchant() {
    }

    public Merchant(String id, String name, Instant now) {
        this.id = id;
        this.name = name;
        this.status = MerchantStatus.ACTIVE;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public MerchantStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == MerchantStatus.ACTIVE;
    }
}
