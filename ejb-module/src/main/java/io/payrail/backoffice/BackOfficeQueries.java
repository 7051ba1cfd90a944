package io.payrail.backoffice;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only queries for the pages. Rows are maps (column alias to value): the pages' expression
 * language reads them as they are, and no page can change anything through them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BackOfficeQueries {

    private static final int MAX_ROWS = 200;

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    public List<Map<String, Object>> merchants() {
        return rows("SELECT m.id AS id, m.name AS name, m.status AS status, m.created_at AS createdAt,"
                + " (SELECT COUNT(*) FROM merchant_key k WHERE k.merchant_id = m.id AND k.status = 'ACTIVE') AS activeKeys,"
                + " (SELECT GROUP_CONCAT(k.key_id ORDER BY k.key_id) FROM merchant_key k WHERE k.merchant_id = m.id"
                + " AND k.status = 'ACTIVE') AS keyIds"
                + " FROM merchant m ORDER BY m.created_at DESC LIMIT " + MAX_ROWS);
    }

    /** Payments matching every filter given (null or blank: any), newest first. */
    public List<Map<String, Object>> payments(String merchantId, String state, String channelId, String id,
                                              Long minAmount, Long maxAmount) {
        StringBuilder sql = new StringBuilder("SELECT id AS id, merchant_id AS merchantId, merchant_order_no AS"
                + " merchantOrderNo, amount_minor AS amountMinor, currency AS currency, payment_method AS method,"
                + " state AS state, channel_id AS channelId, created_at AS createdAt FROM payment_order WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(sql, args, " AND merchant_id = ?", merchantId);
        filter(sql, args, " AND state = ?", state);
        filter(sql, args, " AND channel_id = ?", channelId);
        if (id != null && !id.isBlank()) {
            sql.append(" AND (id = ? OR merchant_order_no = ?)");
            args.add(id.strip());
            args.add(id.strip());
        }
        if (minAmount != null) {
            sql.append(" AND amount_minor >= ?");
            args.add(minAmount);
        }
        if (maxAmount != null) {
            sql.append(" AND amount_minor <= ?");
            args.add(maxAmount);
        }
        return rows(sql + " ORDER BY created_at DESC LIMIT " + MAX_ROWS, args.toArray());
    }

    public List<Map<String, Object>> transitions(String aggregateId) {
        return rows("SELECT aggregate_type AS type, from_state AS fromState, to_state AS toState, source AS source,"
                + " detail AS detail, occurred_at AS occurredAt FROM state_transition WHERE aggregate_id = ? ORDER BY id",
                aggregateId);
    }

    public List<Map<String, Object>> notifications(String aggregateId) {
        return rows("SELECT id AS eventId, merchant_id AS merchantId, event_type AS eventType, state AS state,"
                + " attempts AS attempts, last_status AS lastStatus, last_error AS lastError, created_at AS createdAt,"
                + " delivered_at AS deliveredAt FROM notification WHERE aggregate_id = ? ORDER BY sequence_no", aggregateId);
    }

    public List<Map<String, Object>> refunds(String paymentOrderId) {
        return rows("SELECT id AS id, merchant_refund_no AS merchantRefundNo, amount_minor AS amountMinor, currency AS"
                + " currency, state AS state, channel_id AS channelId FROM refund WHERE payment_order_id = ? ORDER BY id",
                paymentOrderId);
    }

    /** The delivery log: the latest notifications, those not delivered first. */
    public List<Map<String, Object>> notificationLog(String merchantId) {
        StringBuilder sql = new StringBuilder("SELECT id AS eventId, merchant_id AS merchantId, aggregate_id AS"
                + " aggregateId, event_type AS eventType, state AS state, attempts AS attempts, last_status AS lastStatus,"
                + " last_error AS lastError, created_at AS createdAt FROM notification WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(sql, args, " AND merchant_id = ?", merchantId);
        return rows(sql + " ORDER BY state = 'DELIVERED', created_at DESC LIMIT " + MAX_ROWS, args.toArray());
    }

    public List<Map<String, Object>> postings(String referenceId) {
        return rows("SELECT e.entry_type AS entryType, p.account_type AS account, p.account_owner AS owner,"
                + " p.amount_minor AS amountMinor, p.currency AS currency, e.created_at AS createdAt FROM journal_entry e"
                + " JOIN posting p ON p.journal_entry_id = e.id WHERE e.reference_id = ? ORDER BY e.created_at, p.id",
                referenceId);
    }

    /** Payments and successes per channel and hour, over the last 24 hours. */
    public List<Map<String, Object>> paymentsPerChannelHour() {
        return rows("SELECT COALESCE(channel_id, '(none)') AS channel, DATE_FORMAT(created_at, '%Y-%m-%d %H:00') AS hour,"
                + " COUNT(*) AS payments, SUM(CASE WHEN state = 'SUCCEEDED' THEN 1 ELSE 0 END) AS succeeded"
                + " FROM payment_order WHERE created_at >= UTC_TIMESTAMP() - INTERVAL 24 HOUR"
                + " GROUP BY COALESCE(channel_id, '(none)'), DATE_FORMAT(created_at, '%Y-%m-%d %H:00') ORDER BY 2, 1");
    }

    /** Payment count, amount per currency and mean time to a final state, per method, last 24 hours. */
    public List<Map<String, Object>> volumeByMethod() {
        return rows("SELECT payment_method AS method, currency AS currency, COUNT(*) AS payments,"
                + " SUM(amount_minor) AS amountMinor,"
                + " AVG(TIMESTAMPDIFF(MICROSECOND, created_at, finished_at)) / 1000 AS meanLatencyMs"
                + " FROM payment_order WHERE created_at >= UTC_TIMESTAMP() - INTERVAL 24 HOUR"
                + " GROUP BY payment_method, currency ORDER BY 1, 2");
    }

    /** Per channel over the last hour: payments, successes, the latest failure code. */
    public List<Map<String, Object>> channelHealth() {
        return rows("SELECT channel_id AS channel, COUNT(*) AS payments,"
                + " SUM(CASE WHEN state = 'SUCCEEDED' THEN 1 ELSE 0 END) AS succeeded,"
                + " SUM(CASE WHEN state = 'PROCESSING' THEN 1 ELSE 0 END) AS unresolved,"
                + " MAX(CASE WHEN state = 'FAILED' THEN failure_code END) AS lastFailure"
                + " FROM payment_order WHERE channel_id IS NOT NULL AND created_at >= UTC_TIMESTAMP() - INTERVAL 1 HOUR"
                + " GROUP BY channel_id");
    }

    /** Messages waiting to reach the broker, and notifications waiting or given up on. */
    public Map<String, Object> backlog() {
        return rows("SELECT (SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL) AS outboxPending,"
                + " (SELECT COUNT(*) FROM notification WHERE state = 'PENDING') AS notificationsPending,"
                + " (SELECT COUNT(*) FROM notification WHERE state = 'GAVE_UP') AS notificationsGaveUp").get(0);
    }

    private static void filter(StringBuilder sql, List<Object> args, String clause, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(clause);
            args.add(value.strip());
        }
    }

    private List<Map<String, Object>> rows(String sql, Object... args) {
        Query q = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < args.length; i++) {
            q.setParameter(i + 1, args[i]);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Tuple t = (Tuple) o;
            Map<String, Object> row = new LinkedHashMap<>();
            for (TupleElement<?> e : t.getElements()) {
                row.put(e.getAlias(), t.get(e));
            }
            out.add(row);
        }
        return out;
    }
}
