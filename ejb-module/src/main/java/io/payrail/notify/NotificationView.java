package io.payrail.notify;

import java.time.Instant;
import java.util.List;

/** A notification and its delivery history, as the merchant may see it. */
public record NotificationView(String eventId, String eventType, String aggregateType, String aggregateId, int sequence,
                               NotificationState state, int attempts, Instant createdAt, Instant deliveredAt,
                               Instant nextAttemptAt, String lastError, List<AttemptView> deliveries) {

    /** One delivery attempt. */
    public record AttemptView(int attempt, Instant at, Integer httpStatus, String error, long durationMs) {
    }
}
