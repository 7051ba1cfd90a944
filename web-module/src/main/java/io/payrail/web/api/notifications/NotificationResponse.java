package io.payrail.web.api.notifications;

import io.payrail.notify.NotificationState;
import io.payrail.notify.NotificationView;
import java.time.Instant;
import java.util.List;

/** A notification and its deliveries, as the merchant sees them. */
public record NotificationResponse(String eventId, String eventType, String resourceType, String resourceId,
                                   int sequence, NotificationState state, int attempts, Instant createdAt,
                                   Instant deliveredAt, Instant nextAttemptAt, String lastError,
                                   List<Delivery> deliveries) {

    /** One POST to the merchant's notify URL. */
    public record Delivery(int attempt, Instant at, Integer httpStatus, String error, long durationMs) {
    }

    public static NotificationResponse of(NotificationView v) {
        return new NotificationResponse(v.eventId(), v.eventType(), v.aggregateType().equals("REFUND") ? "refund" : "payment",
                v.aggregateId(), v.sequence(), v.state(), v.attempts(), v.createdAt(), v.deliveredAt(), v.nextAttemptAt(),
                v.lastError(), v.deliveries().stream().map(a -> new Delivery(a.attempt(), a.at(), a.httpStatus(), a.error(),
                        a.durationMs())).toList());
    }
}
