package io.payrail.notify;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** The merchant's view of its notifications, and re-delivery on request. */
@Stateless
public class NotificationService {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** The notifications about one payment or refund of the merchant, in sequence order. */
    public List<NotificationView> of(String merchantId, String aggregateId) {
        return em.createQuery("select n from Notification n where n.merchantId = :m and n.aggregateId = :a"
                        + " order by n.sequence", Notification.class)
                .setParameter("m", merchantId).setParameter("a", aggregateId)
                .getResultList().stream().map(this::view).toList();
    }

    public NotificationView find(String merchantId, String eventId) {
        Notification n = em.find(Notification.class, eventId);
        if (n == null || !n.merchantId().equals(merchantId)) {
            throw new PayrailException(ErrorCode.NOTIFICATION_NOT_FOUND, "no notification " + eventId);
        }
        return view(n);
    }

    /** Sends the notification again, with the same event id, starting its retry schedule afresh. */
    public NotificationView redeliver(String merchantId, String eventId) {
        Notification n = em.find(Notification.class, eventId);
        if (n == null || !n.merchantId().equals(merchantId)) {
            throw new PayrailException(ErrorCode.NOTIFICATION_NOT_FOUND, "no notification " + eventId);
        }
        // due now: the poller (every payrail.notify.poll-interval-ms) sends it once this commits
        n.redeliver(clock.instant());
        em.flush();
        return view(n);
    }

    private NotificationView view(Notification n) {
        List<NotificationView.AttemptView> attempts = em.createQuery("select a from NotificationAttempt a"
                        + " where a.notificationId = :n order by a.attemptedAt, a.attemptNo", NotificationAttempt.class)
                .setParameter("n", n.id()).getResultList().stream()
                .map(a -> new NotificationView.AttemptView(a.attemptNo(), a.attemptedAt(), a.httpStatus(), a.error(),
                        a.durationMs()))
                .toList();
        return new NotificationView(n.id(), n.eventType(), n.aggregateType(), n.aggregateId(), n.sequence(), n.state(),
                n.attempts(), n.createdAt(), n.deliveredAt(), n.nextAttemptAt(), n.lastError(), attempts);
    }
}
