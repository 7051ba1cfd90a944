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

/** One disagreement between a channel and the books, for an operator to resolve. */
@Entity
@Table(name = "channel_discrepancy")
public class ChannelDiscrepancy {

    public static final String ID_PREFIX = "dsc";

    /** Open until an operator resolves it. */
    public enum State { OPEN, RESOLVED }

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

    protected ChannelDiscrepancy() {
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

    DiscrepancyView view() {
        return new DiscrepancyView(id, kind, channelId, aggregateType, aggregateId, channelTxnId,
                Money.ofMinor(expectedMinor, expectedCurrency), Money.ofMinor(reportedMinor, reportedCurrency), source,
                state.name(), detail, detectedAt);
    }
}
