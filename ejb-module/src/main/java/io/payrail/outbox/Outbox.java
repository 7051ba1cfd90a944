package io.payrail.outbox;

import io.payrail.common.Ids;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes outbox rows in the caller's transaction and, once that transaction has committed,
 * hands them to the {@link OutboxPublisher}. If the transaction rolls back, the rows vanish with
 * it and nothing is published; if the server dies after the commit, the sweeper publishes them.
 */
@ApplicationScoped
public class Outbox {

    private static final Object PENDING_KEY = Outbox.class.getName() + ".pending";

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private OutboxPublisher publisher;

    @Inject
    private PublishQueue queue;

    @Inject
    private Clock clock;

    /** Must run inside a transaction; returns the outbox id (the message's duplicate id). */
    public String enqueue(OutboxDestination destination, String messageType, String aggregateId, String payload) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("the outbox is written inside the state change's transaction");
        }
        OutboxMessage message = new OutboxMessage(Ids.next(OutboxMessage.ID_PREFIX), destination, messageType,
                aggregateId, payload, clock.instant());
        em.persist(message);
        pendingInThisTransaction().add(message.id());
        return message.id();
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
                    // nothing to do before the commit: the rows are already in the transaction
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED && queue.offer(ids)) {
                        startWorker();
                    }
                }
            });
            pending = ids;
        }
        return pending;
    }

    private void startWorker() {
        try {
            publisher.publishQueued();
        } catch (RuntimeException e) {
            // no thread for it now (the server is stopping, its pool is full): the sweeper has the rows
            queue.workerNotStarted();
        }
    }
}
