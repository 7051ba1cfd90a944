package io.payrail.notify;

import io.payrail.merchant.Merchant;
import io.payrail.platform.signing.PlatformSigner;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers notifications: claims one (a conditional update that only one server, and only one of
 * the immediate path and the poller, can win; a new notification is written already held for the
 * immediate path), POSTs it outside any transaction, records the attempt. A crash after the POST leaves the claim to expire and the notification is sent again:
 * delivery is at least once, and the event id lets the merchant drop the copy.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationDispatcher {

    public static final String EVENT_ID_HEADER = "Payrail-Event-Id";
    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());

    @EJB
    private NotificationDispatcher self;

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private PlatformSigner signer;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "payrail.notify.schedule", defaultValue = RetrySchedule.DEFAULT)
    String scheduleText;

    @Inject
    @ConfigProperty(name = "payrail.notify.claim-seconds", defaultValue = "60")
    long claimSeconds;

    @Inject
    @ConfigProperty(name = "payrail.notify.read-timeout-ms", defaultValue = "10000")
    long readTimeoutMillis;

    private Client client;
    private RetrySchedule schedule;

    @PostConstruct
    void open() {
        schedule = RetrySchedule.parse(scheduleText);
        client = ClientBuilder.newBuilder().connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS).build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Right after a commit: try these now, in the background. They were written held for this path
     * ({@link Notifications}), so no claim is needed: the poller leaves them alone until the hold
     * runs out.
     */
    @Asynchronous
    public void deliverSoon(List<String> ids) {
        ids.forEach(id -> deliver(id, self.held(id)));
    }

    /**
     * One batch of the poller's pass: up to {@code limit} due notifications, none started after
     * {@code deadline} (those stay due for the next pass).
     *
     * @return how many were attempted
     */
    public int deliverDue(int limit, Instant deadline) {
        int attempted = 0;
        for (String id : self.due(limit)) {
            if (clock.instant().isAfter(deadline)) {
                break;
            }
            deliver(id);
            attempted++;
        }
        return attempted;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> due(int limit) {
        return em.createQuery("select n.id from Notification n where n.state = :s and n.nextAttemptAt <= :now"
                        + " order by n.nextAttemptAt", String.class)
                .setParameter("s", NotificationState.PENDING).setParameter("now", clock.instant())
                .setMaxResults(limit).getResultList();
    }

    /** Takes the notification for the next {@code claim-seconds}, if it is due and nobody else has it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Delivery claim(String id) {
        Instant now = clock.instant();
        int claimed = em.createQuery("update Notification n set n.nextAttemptAt = :lease where n.id = :id"
                        + " and n.state = :s and n.nextAttemptAt <= :now")
                .setParameter("lease", now.plusSeconds(claimSeconds)).setParameter("id", id)
                .setParameter("s", NotificationState.PENDING).setParameter("now", now)
                .executeUpdate();
        if (claimed == 0) {
            return null;
        }
        Notification n = em.find(Notification.class, id);
        em.refresh(n);
        return delivery(n);
    }

    /**
     * The first attempt of a notification still held for the immediate path, if at least half its
     * hold is left (time enough for the attempt to end before the poller could take it); else null,
     * and the notification goes the claiming way.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Delivery held(String id) {
        Notification n = em.find(Notification.class, id);
        Instant halfHeld = clock.instant().plusSeconds(claimSeconds / 2);
        if (n == null || n.state() != NotificationState.PENDING || n.attempts() != 0 || n.nextAttemptAt() == null
                || n.nextAttemptAt().isBefore(halfHeld)) {
            return null;
        }
        return delivery(n);
    }

    private Delivery delivery(Notification n) {
        Merchant merchant = em.find(Merchant.class, n.merchantId());
        return new Delivery(n.id(), n.merchantId(), merchant == null ? null : merchant.notifyUrl(),
                NotificationPayload.namingMerchant(n.payload(), n.merchantId()), n.attempts() + 1);
    }

    /** Records one attempt and what follows from it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void record(String id, int attemptNo, Integer status, String error, long durationMs) {
        Notification n = em.find(Notification.class, id);
        Instant now = clock.instant();
        em.persist(new NotificationAttempt(id, attemptNo, now, status, error, durationMs));
        if (status != null && status >= 200 && status < 300) {
            n.delivered(status, now);
        } else {
            n.failed(status, error, schedule, now);
            if (n.state() == NotificationState.GAVE_UP) {
                LOG.warning(() -> "notification " + id + " given up after " + n.attempts() + " attempts (last: "
                        + (status == null ? error : "HTTP " + status) + "); the merchant or an operator can re-deliver it");
            }
        }
    }

    /** Nowhere to deliver: stop trying until someone asks for a re-delivery. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void giveUp(String id, String reason) {
        em.find(Notification.class, id).giveUp(reason);
    }

    private void deliver(String id) {
        deliver(id, null);
    }

    private void deliver(String id, Delivery held) {
        Delivery delivery = held != null ? held : self.claim(id);
        if (delivery == null) {
            return;
        }
        if (delivery.notifyUrl() == null) {
            self.giveUp(id, "the merchant has no notify URL; set one, then ask for a re-delivery");
            return;
        }
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try (Response response = post(delivery)) {
            status = response.getStatus();
        } catch (ProcessingException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        self.record(id, delivery.attempt(), status, error, millis);
    }

    private Response post(Delivery delivery) {
        // the bytes signed are the bytes sent
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        Invocation.Builder request = client.target(delivery.notifyUrl()).request()
                .header(EVENT_ID_HEADER, delivery.id());
        signer.signNotification(delivery.merchantId(), body).forEach(request::header);
        return request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    /** A claimed notification: for whom, where to send what, as which attempt. */
    public record Delivery(String id, String merchantId, String notifyUrl, String payload, int attempt) {
    }
}
