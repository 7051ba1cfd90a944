package io.payrail.discrepancy;

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

/** One disagreement between a channel and the books, for an operator to resolve. */
@Entity
@Table(name = "channel_discrepancy")
public class ChannelDiscrepancy {

    public static final String ID_PREFIX = "dsc";

    /** What a reconciliation case's source column says. */
    public static final String RECONCILIATION = "RECONCILIATION";

    /**
     * OPEN until an operator proposes a resolution (PROPOSED); another approves it (RESOLVED, or
     * PARKED when booked to suspense, to be proposed again) or rejects it (OPEN again).
     */
    public enum State { OPEN, PROPOSED, PARKED, RESOLVED }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private DiscrepancyKind kind;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    @Column(name = "aggregate_type", nullable = false, updatable = false)
    private String aggregateType;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;

    @Column(name = "channel_txn_id", updatable = false)
    private String channelTxnId;

    @Column(name = "expected_minor", nullable = false, updatable = false)
    private long expectedMinor;

    @Column(name = "expected_currency", nullable = false, updatable = false)
    private String expectedCurrency;

    @Column(name = "reported_minor", nullable = false, updatable = false)
    private long reportedMinor;

    @Column(name = "reported_currency", nullable = false, updatable = false)
    private String reportedCurrency;

    @Column(name = "source", nullable = false, updatable = false)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "detail")
    private String detail;

    @Column(name = "detected_at", nullable = false, updatable = false)
    private Instant detectedAt;

    @Column(name = "merchant_id", updatable = false)
    private String merchantId;

    @Column(name = "statement_day", updatable = false)
    private LocalDate statementDay;

    @Column(name = "movement_id", updatable = false)
    private String movementId;

    @Enumerated(EnumType.STRING)
    @Column(name = "resolution")
    private Resolution resolution;

    @Column(name = "resolution_reason")
    private String resolutionReason;

    @Column(name = "proposed_by")
    private String proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note")
    private String decisionNote;

    protected ChannelDiscrepancy() {
    }

    /**
     * A case reconciliation raised for a statement day. {@code expected} is the platform's figure
     * (zero when it has none), {@code reported} the channel's (zero when its statement lacks it).
     */
    static ChannelDiscrepancy reconciled(DiscrepancyKind kind, String channelId, String aggregateType,
                                         String aggregateId, String merchantId, String channelTxnId, Money expected,
                                         Money reported, LocalDate day, String movementId, String detail, Instant now) {
        ChannelDiscrepancy c = new ChannelDiscrepancy(kind, channelId, aggregateType, aggregateId, channelTxnId,
                expected, reported, RECONCILIATION, detail, now);
        c.merchantId = merchantId;
        c.statementDay = day;
        c.movementId = movementId;
        return c;
    }

    ChannelDiscrepancy(DiscrepancyKind kind, String channelId, String aggregateType, String aggregateId,
                       String channelTxnId, Money expected, Money reported, String source, String detail, Instant now) {
        this.id = Ids.next(ID_PREFIX);
        this.kind = kind;
        this.channelId = channelId;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.channelTxnId = channelTxnId;
        this.expectedMinor = expected.minorUnits();
        this.expectedCurrency = expected.currencyCode();
        this.reportedMinor = reported.minorUnits();
        this.reportedCurrency = reported.currencyCode();
        this.source = source;
        this.state = State.OPEN;
        this.detail = detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
        this.detectedAt = now;
    }

    public String id() {
        return id;
    }

    public State state() {
        return state;
    }

    public String channelId() {
        return channelId;
    }

    public String merchantId() {
        return merchantId;
    }

    public DiscrepancyKind kind() {
        return kind;
    }

    public Resolution resolution() {
        return resolution;
    }

    public String proposedBy() {
        return proposedBy;
    }

    boolean fromReconciliation() {
        return RECONCILIATION.equals(source);
    }

    /** A refund's case: what the receivable shows runs the other way from a payment's. */
    boolean aboutRefund() {
        return "REFUND".equals(aggregateType) || "REFUND_LINE".equals(aggregateType);
    }

    String aggregateId() {
        return aggregateId;
    }

    Money expected() {
        return Money.ofMinor(expectedMinor, expectedCurrency);
    }

    Money reported() {
        return Money.ofMinor(reportedMinor, reportedCurrency);
    }

    void propose(Resolution resolution, String reason, String operator, Instant now) {
        this.resolution = resolution;
        this.resolutionReason = reason;
        this.proposedBy = operator;
        this.proposedAt = now;
        this.decidedBy = null;
        this.decidedAt = null;
        this.decisionNote = null;
        this.state = State.PROPOSED;
    }

    void approve(String operator, Instant now) {
        this.decidedBy = operator;
        this.decidedAt = now;
        this.state = resolution == Resolution.BOOK_TO_SUSPENSE ? State.PARKED : State.RESOLVED;
    }

    void reject(String operator, String note, Instant now) {
        this.decidedBy = operator;
        this.decidedAt = now;
        this.decisionNote = note;
        this.state = State.OPEN;
    }

    /** Closed without an operator: the movement was only on a later day's statement. */
    void resolveCrossDay(String note, Instant now) {
        this.resolution = Resolution.CROSS_DAY;
        this.resolutionReason = note;
        this.decidedBy = "reconciliation";
        this.decidedAt = now;
        this.state = State.RESOLVED;
    }

    DiscrepancyView view() {
        return new DiscrepancyView(id, kind, channelId, aggregateType, aggregateId, channelTxnId,
                Money.ofMinor(expectedMinor, expectedCurrency), Money.ofMinor(reportedMinor, reportedCurrency), source,
                state.name(), detail, detectedAt, merchantId, statementDay, movementId,
                resolution == null ? null : resolution.name(), resolutionReason, proposedBy, proposedAt, decidedBy,
                decidedAt, decisionNote);
    }
}
