package io.payrail.outbox;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes outbox rows to Artemis and marks them published, in one MySQL transaction that holds
 * the rows' locks ({@code FOR UPDATE SKIP LOCKED}), so two publishers (the after-commit one and
 * the sweeper, or two servers) never work on the same row at once.
 *
 * <p>The JMS connection factory is a {@code NoTransaction} pool: sends are not part of the MySQL
 * transaction and happen at once. If the server dies after a send but before the commit, the row
 * stays unpublished and is sent again; the broker drops the copy by its duplicate id, and the
 * consumer would ignore it anyway.
 */
@Stateless
public class OutboxPublisher {

    /** Artemis's duplicate-detection header (org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID). */
    public static final String DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";
    public static final String TYPE_PROPERTY = "payrailMessageType";
    public static final String AGGREGATE_PROPERTY = "payrailAggregateId";

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class.getName());

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Resource(lookup = "jms/payrail/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/payrail/ChannelRequestQueue")
    private Queue channelRequestQueue;

    @Inject
    private Clock clock;

    @EJB
    private OutboxPublisher self;

    @Inject
    private PublishQueue queue;

    /**
     * The worker of this server's {@link PublishQueue}, started after a commit: publishes what has
     * been committed meanwhile in batches, one transaction each, so the committing caller never
     * waits for the broker. A batch that fails stays in the outbox for the sweeper.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publishQueued() {
        for (List<String> batch = queue.nextBatch(); !batch.isEmpty(); batch = queue.nextBatch()) {
            try {
                self.publish(batch);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "outbox: a batch of " + batch.size() + " message(s) could not be published"
                        + " now; the sweeper publishes them (" + e.getClass().getSimpleName() + ")", e);
            }
        }
    }

    /** Publishes the given rows that are still unpublished and not locked by another publisher. */
    public int publish(List<String> outboxIds) {
        if (outboxIds.isEmpty()) {
            return 0;
        }
        List<OutboxMessage> rows = em.createNativeQuery(
                        "SELECT * FROM outbox_message WHERE id IN (:ids) AND published_at IS NULL"
                                + " ORDER BY created_at FOR UPDATE SKIP LOCKED", OutboxMessage.class)
                .setParameter("ids", outboxIds)
                .getResultList();
        return send(rows);
    }

    /** The sweeper's pass: rows older than {@code minAge} that nobody published (a crash, a broker outage). */
    public int publishBacklog(Duration minAge, int limit) {
        Instant before = clock.instant().minus(minAge);
        List<OutboxMessage> rows = em.createNativeQuery(
                        "SELECT * FROM outbox_message WHERE published_at IS NULL AND created_at < :before"
                                + " ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED", OutboxMessage.class)
                .setParameter("before", before)
                .setParameter("limit", limit)
                .getResultList();
        if (!rows.isEmpty()) {
            LOG.info(() -> "outbox sweeper: publishing " + rows.size() + " message(s) left behind");
        }
        return send(rows);
    }

    private int send(List<OutboxMessage> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int sent = 0;
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            JMSProducer producer = jms.createProducer();
            for (OutboxMessage row : rows) {
                TextMessage message = jms.createTextMessage(row.payload());
                message.setStringProperty(DUPLICATE_ID_PROPERTY, row.id());
                message.setStringProperty(TYPE_PROPERTY, row.messageType());
                message.setStringProperty(AGGREGATE_PROPERTY, row.aggregateId());
                producer.send(queueFor(row.destination()), message);
                row.published(clock.instant());
                sent++;
            }
        } catch (JMSRuntimeException | JMSException e) {
            // keep the rows unpublished: the sweeper retries; record why for the operator
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            rows.stream().filter(r -> r.publishedAt() == null).forEach(r -> r.publishFailed(reason));
            LOG.log(Level.WARNING, "outbox: could not publish " + (rows.size() - sent) + " message(s) to the broker;"
                    + " they stay in the outbox and the sweeper retries. Is the broker up? (./payrail status)", e);
        }
        return sent;
    }

    private Queue queueFor(OutboxDestination destination) {
        return switch (destination) {
            case CHANNEL_REQUEST -> channelRequestQueue;
        };
    }
}
