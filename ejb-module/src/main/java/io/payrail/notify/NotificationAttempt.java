package io.payrail.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One POST to the merchant: when, what it answered, how long it took. */
@Entity
@Table(name = "notification_attempt")
public class NotificationAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "notification_id", nullable = false, updatable = false)
    private String notificationId;

    @Column(name = "attempt_no", nullable = false, updatable = false)
    private int attemptNo;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(name = "error", updatable = false)
    private String error;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMs;

    protected NotificationAttempt() {
    }

    NotificationAttempt(String notificationId, int attemptNo, Instant attemptedAt, Integer httpStatus, String error,
                        long durationMs) {
        this.notificationId = notificationId;
        this.attemptNo = attemptNo;
        this.attemptedAt = attemptedAt;
        this.httpStatus = httpStatus;
        this.error = error == null || error.length() <= 255 ? error : error.substring(0, 255);
        this.durationMs = durationMs;
    }

    public int attemptNo() {
        return attemptNo;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public long durationMs() {
        return durationMs;
    }
}
