package io.payrail.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message waiting to be (or already) published; its id is the broker's duplicate-detection id. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    public static final String ID_PREFIX = "obx";

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "destination", nullable = false, updatable = false)
    private OutboxDestination destination;

    @Column(name = "message_type", nullable = false, updatable = false)
    private String messageType;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;

    @Column(name = "payload", nullable = false, updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "publish_attempts", nullable = false)
    private int publishAttempts;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxMessage() {
    }

    public OutboxMessage(String id, OutboxDestination destination, String messageType, String aggregateId,
                         String payload, Instant now) {
        this.id = id;
        this.destination = destination;
        this.messageType = messageType;
        this.aggregateId = aggregateId;
        this.payload = payload;
        this.createdAt = now;
    }

    void published(Instant now) {
        publishedAt = now;
        publishAttempts++;
        lastError = null;
    }

    void publishFailed(String error) {
        publishAttempts++;
        lastError = error == null || error.length() <= 255 ? error : error.substring(0, 255);
    }

    public String id() {
        return id;
    }

    public OutboxDestination destination() {
        return destination;
    }

    public String messageType() {
        return messageType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public int publishAttempts() {
        return publishAttempts;
    }

    public String lastError() {
        return lastError;
    }
}
