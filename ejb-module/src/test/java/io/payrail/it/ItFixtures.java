package io.payrail.it;

import io.payrail.audit.AuditTrail;
import io.payrail.audit.StateTransition;
import io.payrail.common.Ids;
import io.payrail.ledger.Ledger;
import io.payrail.merchant.Merchant;
import io.payrail.order.application.CreatePaymentCommand;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.outbox.OutboxDestination;
import io.payrail.outbox.OutboxMessage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Test-only transactions: set-up, the failures under test, and reads of what was written. */
@Stateless
public class ItFixtures {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private PaymentOrderService orders;

    @Inject
    private AuditTrail audit;

    @Inject
    private Ledger ledger;

    public void ensureMerchant(String id) {
        if (em.find(Merchant.class, id) == null) {
            em.persist(new Merchant(id, "In-container test merchant", null, 100_000,
                    Map.of("USD", 1_000_000_000L, "EUR", 1_000_000_000L), Instant.now()));
        }
    }

    /** Writes the order and its outbox row, then fails in the same transaction. */
    public void createThenFail(CreatePaymentCommand command, AtomicReference<String> createdId) {
        createdId.set(orders.createNew(command).order().id());
        throw new IllegalStateException("failure injected after the order and the outbox row were written");
    }

    /** An outbox row committed without the after-commit publish: what a crash right after the commit leaves. */
    public String insertOrphanOutboxRow(String aggregateId) {
        OutboxMessage row = new OutboxMessage(Ids.next(OutboxMessage.ID_PREFIX), OutboxDestination.CHANNEL_REQUEST,
                "IT_ORPHAN", aggregateId, Json.createObjectBuilder().add("orderId", aggregateId).build().toString(),
                Instant.now());
        em.persist(row);
        return row.id();
    }

    /** Forgets that a row was published: what a crash between the send and the commit leaves. */
    public void markUnpublished(String outboxId) {
        em.createNativeQuery("UPDATE outbox_message SET published_at = NULL WHERE id = ?")
                .setParameter(1, outboxId).executeUpdate();
    }

    public Instant publishedAt(String outboxId) {
        OutboxMessage row = em.find(OutboxMessage.class, outboxId);
        return row == null ? null : row.publishedAt();
    }

    public long ordersNumbered(String merchantId, String merchantOrderNo) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM payment_order WHERE merchant_id = ?"
                        + " AND merchant_order_no = ?")
                .setParameter(1, merchantId).setParameter(2, merchantOrderNo).getSingleResult()).longValue();
    }

    public long outboxRowsFor(String aggregateId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM outbox_message WHERE aggregate_id = ?")
                .setParameter(1, aggregateId).getSingleResult()).longValue();
    }

    public List<String> transitions(String orderId) {
        return audit.of(PaymentOrderService.AGGREGATE, orderId).stream()
                .map(t -> t.fromState() + ">" + t.toState() + "@" + t.source())
                .toList();
    }

    public long auditRows(String orderId) {
        return audit.of(PaymentOrderService.AGGREGATE, orderId).stream().map(StateTransition::id).count();
    }

    public long journalEntries(String referenceId) {
        return ledger.entriesFor(referenceId);
    }

    public long postingSum(String referenceId) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(SUM(p.amount_minor), 0) FROM posting p"
                        + " JOIN journal_entry e ON e.id = p.journal_entry_id WHERE e.reference_id = ?")
                .setParameter(1, referenceId).getSingleResult()).longValue();
    }

    /**
     * {@code count} nonces of {@code merchantId} first seen at {@code seenAt}, and as many
     * idempotency records created then: what a busy gateway leaves behind.
     */
    public void insertGatewayRows(String merchantId, int count, Instant seenAt, String tag) {
        for (int from = 0; from < count; from += 1000) {
            int rows = Math.min(1000, count - from);
            StringBuilder nonces = new StringBuilder("INSERT INTO request_nonce (merchant_id, nonce, seen_at) VALUES ");
            StringBuilder keys = new StringBuilder("INSERT INTO idempotency_record (merchant_id, idempotency_key,"
                    + " request_fingerprint, state, created_at, locked_at) VALUES ");
            for (int i = 0; i < rows; i++) {
                String sep = i == 0 ? "" : ",";
                nonces.append(sep).append("(?, '").append(tag).append('-').append(from + i).append("', ?)");
                keys.append(sep).append("(?, '").append(tag).append('-').append(from + i).append("', 'f', 'COMPLETED', ?, ?)");
            }
            jakarta.persistence.Query n = em.createNativeQuery(nonces.toString());
            jakarta.persistence.Query k = em.createNativeQuery(keys.toString());
            for (int i = 0; i < rows; i++) {
                n.setParameter(2 * i + 1, merchantId).setParameter(2 * i + 2, seenAt);
                k.setParameter(3 * i + 1, merchantId).setParameter(3 * i + 2, seenAt).setParameter(3 * i + 3, seenAt);
            }
            n.executeUpdate();
            k.executeUpdate();
        }
    }

    /** Nonces of {@code merchantId} whose value ends with {@code -<run>-<n>} (this run's). */
    public long nonces(String merchantId, String run) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM request_nonce WHERE merchant_id = ? AND nonce LIKE ?")
                .setParameter(1, merchantId).setParameter(2, "%-" + run + "-%").getSingleResult()).longValue();
    }

    public long idempotencyRecords(String merchantId, String run) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM idempotency_record WHERE merchant_id = ?"
                        + " AND idempotency_key LIKE ?")
                .setParameter(1, merchantId).setParameter(2, "%-" + run + "-%").getSingleResult()).longValue();
    }

    public List<String> appliedMigrations() {
        @SuppressWarnings("unchecked")
        List<Object> versions = em.createNativeQuery("SELECT version FROM flyway_schema_history WHERE success = 1"
                + " AND version IS NOT NULL ORDER BY installed_rank").getResultList();
        return versions.stream().map(String::valueOf).toList();
    }
}
