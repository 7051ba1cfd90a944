package io.payrail.backoffice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A refund staff give on a merchant's behalf: proposed, then issued or rejected. */
@Entity
@Table(name = "staff_refund")
public class StaffRefund {

    /** Where a staff refund stands. */
    public enum State { PROPOSED, ISSUED, REJECTED }

    @Id
    private String id;

    @Column(name = "payment_order_id", nullable = false, updatable = false)
    private String paymentOrderId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    private State state;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "refund_id")
    private String refundId;

    @Version
    private long version;

    protected StaffRefund() {
    }

    StaffRefund(String id, String paymentOrderId, String merchantId, long amountMinor, String currency, String reason,
                String proposedBy, Instant now) {
        this.id = id;
        this.paymentOrderId = paymentOrderId;
        this.merchantId = merchantId;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.reason = reason;
        this.state = State.PROPOSED;
        this.proposedBy = proposedBy;
        this.proposedAt = now;
    }

    void issued(String by, String refund, Instant now) {
        state = State.ISSUED;
        decidedBy = by;
        decidedAt = now;
        refundId = refund;
    }

    void rejected(String by, Instant now) {
        state = State.REJECTED;
        decidedBy = by;
        decidedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getPaymentOrderId() {
        return paymentOrderId;
    }

    public String getMerchantId() {
        return merchantId;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReason() {
        return reason;
    }

    public State getState() {
        return state;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getRefundId() {
        return refundId;
    }

    /** The merchant refund number the refund is created under: one per staff refund, so retries are idempotent. */
    String merchantRefundNo() {
        return "staff-" + id;
    }

    String describe() {
        return "{\"id\":\"" + id + "\",\"payment\":\"" + paymentOrderId + "\",\"amountMinor\":" + amountMinor
                + ",\"currency\":\"" + currency + "\",\"state\":\"" + state + "\",\"proposedBy\":\"" + proposedBy
                + "\",\"refundId\":" + (refundId == null ? "null" : "\"" + refundId + "\"") + "}";
    }
}
