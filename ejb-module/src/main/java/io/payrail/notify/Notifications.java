package io.payrail.notify;

import io.payrail.common.Ids;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes a notification in the caller's transaction (so it exists if and only if the state change
 * does) and, once that transaction commits, asks the dispatcher to deliver it at once.
 */
@ApplicationScoped
public class Notifications {

    private static final Object PENDING_KEY = Notifications.class.getName() + ".pending";

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private NotificationDispatcher dispatcher;

    @Inject
    private Clock clock;

    /** As long as a claim of the dispatcher's: the immediate path's attempt ends well within it. */
    @Inject
    @ConfigProperty(name = "payrail.notify.claim-seconds", defaultValue = "60")
    long claimSeconds;

    /**
     * @param aggregateType PAYMENT or REFUND
     * @param eventType     e.g. payment.succeeded
     * @param data          the resource as GET returns it
     * @return the event id
     */
    public String enqueue(String merchantId, String aggregateType, String aggregateId, String eventType, JsonObject data) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("a notification is written inside the state change's transaction");
        }
        Integer last = em.createQuery("select max(n.sequence) from Notification n where n.aggregateId = :a", Integer.class)
                .setParameter("a", aggregateId).getSingleResult();
        int sequence = last == null ? 1 : last + 1;
        Instant now = clock.instant();
        String id = Ids.next(Notification.ID_PREFIX);
        String payload = Json.createObjectBuilder()
                .add("eventId", id)
                // named in the signed body as well as in the signed text: the merchant checks both
                .add("merchantId", merchantId)
                .add("eventType", eventType)
                .add("sequence", sequence)
                .add("createdAt", now.toString())
                .add("data", data)
                .build().toString();
        Notification notification = new Notification(id, merchantId, aggregateType, aggregateId, sequence, eventType,
                payload, now);
        // this server sends it right after the commit, without a claim of its own (one commit less)
        notification.heldForImmediateDelivery(now.plusSeconds(claimSeconds));
        em.persist(notification);
        pendingInThisTransaction().add(id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private List<String> pendingInThisTransaction() {
        List<String> pending = (List<String>) transactions.getResource(PENDING_KEY);
        if (pending == null) {
            List<String> ids = new ArrayList<>();
            transactions.putResource(PENDING_KEY, ids);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // the rows are already part of the transaction
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        dispatcher.deliverSoon(List.copyOf(ids));
                    }
                }
            });
            pending = ids;
        }
        return pending;
    }
}
