package io.payrail.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit trail; never updated, never deleted. */
@Entity
@Table(name = "state_transition")
public class StateTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "aggregate_type", nullable = false, updatable = false)
    private String aggregateType;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;

    @Column(name = "from_state", updatable = false)
    private String fromState;

    @Column(name = "to_state", nullable = false, updatable = false)
    private String toState;

    @Column(name = "source", nullable = false, updatable = false)
    private String source;

    @Column(name = "detail", updatable = false)
    private String detail;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected StateTransition() {
    }

    public StateTransition(String aggregateType, String aggregateId, String fromState, String toState,
                           TransitionSource source, String detail, Instant occurredAt) {
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.fromState = fromState;
        this.toState = toState;
        this.source = source.name();
        this.detail = detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
        this.occurredAt = occurredAt;
    }

    public Long id() {
        return id;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public String fromState() {
        return fromState;
    }

    public String toState() {
        return toState;
    }

    public TransitionSource source() {
        return TransitionSource.valueOf(source);
    }

    public String detail() {
        return detail;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
