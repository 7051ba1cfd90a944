package io.payrail.fee;

import io.payrail.common.Ids;
import io.payrail.order.domain.PaymentMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the platform charges one merchant (or every merchant: {@value #ANY_MERCHANT}) for one payment
 * method in one currency, from a UTC day on. Never changed once written: a new price is a new plan
 * with a later {@code effectiveFrom}, so the plan a fee came from always says how it was computed.
 */
@Entity
@Table(name = "rate_plan")
public class RatePlan {

    public static final String ID_PREFIX = "rpl";
    /** The merchant id of the plan that applies to every merchant without one of its own. */
    public static final String ANY_MERCHANT = "*";

    @Id
    private String id;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false, updatable = false)
    private PaymentMethod paymentMethod;

    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;

    @Column(name = "effective_from", nullable = false, updatable = false)
    private LocalDate effectiveFrom;

    @Column(name = "rate_bps", nullable = false, updatable = false)
    private int rateBps;

    @Column(name = "fixed_minor", nullable = false, updatable = false)
    private long fixedMinor;

    @Column(name = "min_minor", nullable = false, updatable = false)
    private long minMinor;

    @Column(name = "max_minor", updatable = false)
    private Long maxMinor;

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_policy", nullable = false, updatable = false)
    private RefundPolicy refundPolicy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected RatePlan() {
    }

    RatePlan(String merchantId, PaymentMethod method, String currency, LocalDate effectiveFrom, FeeTerms terms,
             String createdBy, Instant now) {
        this.id = Ids.next(ID_PREFIX);
        this.merchantId = Objects.requireNonNull(merchantId);
        this.paymentMethod = Objects.requireNonNull(method);
        this.currency = Objects.requireNonNull(currency);
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom);
        this.rateBps = terms.rateBps();
        this.fixedMinor = terms.fixedMinor();
        this.minMinor = terms.minMinor();
        this.maxMinor = terms.maxMinor();
        this.refundPolicy = terms.refundPolicy();
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public PaymentMethod paymentMethod() {
        return paymentMethod;
    }

    public String currency() {
        return currency;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public FeeTerms terms() {
        return new FeeTerms(rateBps, fixedMinor, minMinor, maxMinor, refundPolicy);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
