package io.payrail.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One event for one merchant, and where its delivery stands. */
@Entity
@Table(name = "notification")
public class Notification {

    public static final String ID_PREFIX = "evt";

    @Id
    private String id;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "aggregate_type", nullable = false, updatable = false)
    private String aggregateType;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private int sequence;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "payload", nullable = false, updatable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private NotificationState state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Notification() {
    }

    Notification(String id, String merchantId, String aggregateType, String aggregateId, int sequence, String eventType,
                 String payload, Instant now) {
        this.id = id;
        this.merchantId = merchantId;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.sequence = sequence;
        this.eventType = eventType;
        this.payload = payload;
        this.state = NotificationState.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /**
     * Held for the server that wrote it, which sends it right after the commit: the poller takes it
     * only once {@code until} has passed (that server died first, or was late).
     */
    void heldForImmediateDelivery(Instant until) {
        nextAttemptAt = until;
    }

    /** The merchant acknowledged this attempt. */
    void delivered(int status, Instant now) {
        attempts++;
        state = NotificationState.DELIVERED;
        deliveredAt = now;
        nextAttemptAt = null;
        lastStatus = status;
        lastError = null;
    }

    /** The attempt failed: schedule the next one, or give up when the schedule is spent. */
    void failed(Integer status, String error, RetrySchedule schedule, Instant now) {
        attempts++;
        lastStatus = status;
        lastError = error == null || error.length() <= 255 ? error : error.substring(0, 255);
        java.util.Optional<Duration> wait = schedule.waitAfter(attempts);
        if (wait.isPresent()) {
            nextAttemptAt = now.plus(wait.get());
        } else {
            state = NotificationState.GAVE_UP;
            nextAttemptAt = null;
        }
    }

    void giveUp(String reason) {
        state = NotificationState.GAVE_UP;
        nextAttemptAt = null;
        lastError = reason;
    }

    /** Deliver again now, with the same event id (the merchant asked, or an operator). */
    void redeliver(Instant now) {
        state = NotificationState.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public int sequence() {
        return sequence;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public NotificationState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
