package io.payrail.reconciliation;

import io.payrail.common.Ids;
import io.payrail.common.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One money movement a channel's statement reported, imported once, then classified by reconciliation. */
@Entity
@Table(name = "channel_movement")
public class ChannelMovement {

    @Id
    private String id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    @Column(name = "movement_type", nullable = false, updatable = false)
    private String type;

    @Column(name = "channel_txn_id", nullable = false, updatable = false)
    private String channelTxnId;

    @Column(name = "channel_refund_id", nullable = false, updatable = false)
    private String channelRefundId;

    @Column(name = "merchant_ref", nullable = false, updatable = false)
    private String merchantRef;

    @Column(name = "refund_ref", updatable = false)
    private String refundRef;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;

    @Column(name = "fee_minor", nullable = false, updatable = false)
    private long feeMinor;

    @Column(name = "moved_at", nullable = false, updatable = false)
    private Instant movedAt;

    @Column(name = "statement_day", nullable = false, updatable = false)
    private LocalDate statementDay;

    @Column(name = "statement_file_id", nullable = false, updatable = false)
    private String statementFileId;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "recon_class")
    private ReconClass reconClass;

    @Column(name = "recon_ref")
    private String reconRef;

    @Column(name = "case_id")
    private String caseId;

    @Column(name = "reconciled_at")
    private Instant reconciledAt;

    protected ChannelMovement() {
    }

    ChannelMovement(String channelId, StatementLine line, LocalDate day, String fileId) {
        this.id = Ids.next("mv");
        this.channelId = channelId;
        this.type = line.type();
        this.channelTxnId = line.channelTxnId();
        this.channelRefundId = line.channelRefundId() == null ? "" : line.channelRefundId();
        this.merchantRef = line.merchantRef();
        this.refundRef = line.refundRef();
        this.amountMinor = line.amountMinor();
        this.currency = line.currency();
        this.feeMinor = line.feeMinor();
        this.movedAt = line.movedAt();
        this.statementDay = day;
        this.statementFileId = fileId;
        this.lineNo = Math.toIntExact(line.lineNo());
    }

    /** The same key as the table's unique one, in {@link StatementLine#movementKey()}'s form. */
    String movementKey() {
        return type + "|" + channelTxnId + "|" + channelRefundId;
    }

    void classify(ReconClass reconClass, String reconRef, String caseId, Instant now) {
        this.reconClass = reconClass;
        this.reconRef = reconRef;
        this.caseId = caseId;
        this.reconciledAt = now;
    }

    public String id() {
        return id;
    }

    public String channelId() {
        return channelId;
    }

    public boolean isRefund() {
        return StatementLine.REFUND.equals(type);
    }

    public String channelTxnId() {
        return channelTxnId;
    }

    public String merchantRef() {
        return merchantRef;
    }

    /** The order or refund the movement was classified against (null before, or when the platform has none). */
    public String reconRef() {
        return reconRef;
    }

    public String refundRef() {
        return refundRef;
    }

    public Money amount() {
        return Money.ofMinor(amountMinor, currency);
    }

    public Money fee() {
        return Money.ofMinor(feeMinor, currency);
    }

    public LocalDate statementDay() {
        return statementDay;
    }

    public Instant movedAt() {
        return movedAt;
    }
}
