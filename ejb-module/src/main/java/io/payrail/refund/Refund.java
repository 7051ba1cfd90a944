package io.payrail.refund;

import io.payrail.common.ErrorCode;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** Money going back to the payer of one payment order. */
@Entity
@Table(name = "refund")
public class Refund {

    public static final String ID_PREFIX = "rfd";

    @Id
    private String id;

    @Column(name = "payment_order_id", nullable = false, updatable = false)
    private String paymentOrderId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "merchant_refund_no", nullable = false, updatable = false)
    private String merchantRefundNo;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private RefundState state;

    @Column(name = "request_fingerprint", nullable = false, updatable = false)
    private String requestFingerprint;

    @Column(name = "channel_id")
    private String channelId;

    @Column(name = "channel_refund_id")
    private String channelRefundId;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_message")
    private String failureMessage;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** MERCHANT: asked for by the merchant; LATE_PAYMENT: the platform returns a payment that came after close. */
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private RefundKind kind;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(name = "check_attempts", nullable = false)
    private int checkAttempts;

    /** Times the refund was sent to its channel: a refusal of a resend proves nothing. */
    @Column(name = "submit_attempts", nullable = false)
    private int submitAttempts;

    /** Set when the channel reported other money than was asked: held for an operator, no more checks. */
    @Column(name = "held_at")
    private Instant heldAt;

    @Column(name = "held_reason")
    private String heldReason;

    /** The share of the payment's fee this refund gave back, once it succeeded (minor units). */
    @Column(name = "fee_refund_minor")
    private Long feeRefundMinor;

    /** The reference the payment was charged under at the channel; null means the payment's order id. */
    @Column(name = "payment_channel_ref", updatable = false)
    private String paymentChannelRef;

    protected Refund() {
    }

    /**
     * @param paymentChannelRef the reference the refunded payment was charged under at {@code channelId}
     */
    public Refund(String id, String paymentOrderId, String merchantId, String merchantRefundNo, Money amount,
                  String reason, String channelId, String paymentChannelRef, String requestFingerprint, RefundKind kind,
                  Instant now) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a refund amount must be positive: " + amount);
        }
        this.id = id;
        this.paymentOrderId = paymentOrderId;
        this.merchantId = merchantId;
        this.merchantRefundNo = merchantRefundNo;
        this.amountMinor = amount.minorUnits();
        this.currency = amount.currencyCode();
        this.reason = reason;
        this.channelId = channelId;
        this.paymentChannelRef = paymentChannelRef;
        this.requestFingerprint = requestFingerprint;
        this.state = RefundState.PENDING;
        this.kind = kind;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The channel accepted the refund and works on it (or its answer is unknown): ask again at {@code at}. */
    public void scheduleCheck(Instant at) {
        nextCheckAt = at;
        checkAttempts++;
    }

    /**
     * A safety net: if nothing is recorded by {@code at} (its message never reached the dispatcher,
     * or the server died during the channel call), the resolver asks the channel. Not counted as a
     * check; an earlier check stays.
     */
    public void checkNoLaterThan(Instant at) {
        if (nextCheckAt == null || nextCheckAt.isAfter(at)) {
            nextCheckAt = at;
        }
    }

    /** One more send to the channel; returns its number (1 for the first). */
    public int sent() {
        return ++submitAttempts;
    }

    /** The channel reported other money than this refund's: an operator decides; no more checks. */
    public void hold(String reason, Instant now) {
        if (heldAt == null) {
            heldAt = now;
            heldReason = reason == null || reason.length() <= 255 ? reason : reason.substring(0, 255);
            nextCheckAt = null;
            updatedAt = now;
        }
    }

    public boolean isHeld() {
        return heldAt != null;
    }

    public String heldReason() {
        return heldReason;
    }

    public int submitAttempts() {
        return submitAttempts;
    }

    private RefundState moveTo(RefundState next, Instant now) {
        if (!state.canTransitionTo(next)) {
            throw new PayrailException(ErrorCode.ILLEGAL_STATE_TRANSITION, "refund " + id + " is " + state
                    + " and cannot become " + next);
        }
        RefundState previous = state;
        state = next;
        updatedAt = now;
        finishedAt = now;
        nextCheckAt = null;
        return previous;
    }

    public RefundState succeed(String channelRefundTxn, Instant now) {
        RefundState previous = moveTo(RefundState.SUCCEEDED, now);
        channelRefundId = channelRefundTxn;
        return previous;
    }

    /** Keeps the share of the payment's fee this refund gave back; set once, when it succeeds. */
    public void giveBackFee(Money feeShare) {
        if (feeRefundMinor != null) {
            throw new IllegalStateException("refund " + id + " already gave back its share of the fee");
        }
        feeRefundMinor = feeShare.minorUnits();
    }

    /** The share of the fee given back; empty until the refund succeeded. */
    public Optional<Money> feeRefund() {
        return Optional.ofNullable(feeRefundMinor).map(f -> Money.ofMinor(f, currency));
    }

    public RefundState fail(String code, String message, Instant now) {
        RefundState previous = moveTo(RefundState.FAILED, now);
        failureCode = code;
        failureMessage = message == null || message.length() <= 255 ? message : message.substring(0, 255);
        return previous;
    }

    public String id() {
        return id;
    }

    public String paymentOrderId() {
        return paymentOrderId;
    }

    public String merchantId() {
        return merchantId;
    }

    public String merchantRefundNo() {
        return merchantRefundNo;
    }

    public Money amount() {
        return Money.ofMinor(amountMinor, currency);
    }

    public String reason() {
        return reason;
    }

    public RefundState state() {
        return state;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }

    public String channelId() {
        return channelId;
    }

    /** The payment's reference at the refund's channel. */
    public String paymentChannelRef() {
        return paymentChannelRef != null ? paymentChannelRef : paymentOrderId;
    }

    public String channelRefundId() {
        return channelRefundId;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public RefundKind kind() {
        return kind;
    }

    public Instant nextCheckAt() {
        return nextCheckAt;
    }

    public int checkAttempts() {
        return checkAttempts;
    }
}
