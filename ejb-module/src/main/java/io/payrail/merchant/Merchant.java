package io.payrail.merchant;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A business that collects payments through Payrail: its status, where its notifications go,
 * how many requests a minute it may send, and the currencies it may take with the largest single
 * payment in each.
 */
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

    @Column(name = "notify_url")
    private String notifyUrl;

    @Column(name = "rate_limit_per_minute", nullable = false)
    private int rateLimitPerMinute;

    /** Currency code → largest amount of one payment, in minor units. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "merchant_currency", joinColumns = @JoinColumn(name = "merchant_id"))
    @MapKeyColumn(name = "currency")
    @Column(name = "max_amount_minor", nullable = false)
    private Map<String, Long> currencyLimits = new HashMap<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Merchant() {
    }

    public Merchant(String id, String name, String notifyUrl, int rateLimitPerMinute, Map<String, Long> currencyLimits,
                    Instant now) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.status = MerchantStatus.ACTIVE;
        this.notifyUrl = notifyUrl;
        this.rateLimitPerMinute = rateLimitPerMinute;
        this.currencyLimits.putAll(currencyLimits);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void suspend(Instant now) {
        status = MerchantStatus.SUSPENDED;
        updatedAt = now;
    }

    public void activate(Instant now) {
        status = MerchantStatus.ACTIVE;
        updatedAt = now;
    }

    public void update(String newName, String newNotifyUrl, int newRateLimit, Map<String, Long> newLimits, Instant now) {
        name = newName;
        notifyUrl = newNotifyUrl;
        rateLimitPerMinute = newRateLimit;
        currencyLimits.clear();
        currencyLimits.putAll(newLimits);
        updatedAt = now;
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

    public String notifyUrl() {
        return notifyUrl;
    }

    public int rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public Map<String, Long> currencyLimits() {
        return Collections.unmodifiableMap(currencyLimits);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
