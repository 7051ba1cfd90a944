package io.payrail.idempotency;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency records, each step its own short transaction. The business effect itself is
 * idempotent too (merchant order and refund numbers are unique), so a record left IN_FLIGHT by a
 * crash is taken over after {@code payrail.idempotency.stale-after-seconds} without risk.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyStore {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "payrail.idempotency.stale-after-seconds", defaultValue = "60")
    long staleAfterSeconds;

    public IdempotencyDecision begin(String merchantId, String key, String requestFingerprint) {
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("INSERT IGNORE INTO idempotency_record (merchant_id, idempotency_key,"
                        + " request_fingerprint, state, created_at, locked_at) VALUES (?, ?, ?, 'IN_FLIGHT', ?, ?)")
                .setParameter(1, merchantId).setParameter(2, key).setParameter(3, requestFingerprint)
                .setParameter(4, now).setParameter(5, now)
                .executeUpdate();
        if (inserted == 1) {
            return new IdempotencyDecision.Proceed();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_fingerprint, state, response_status, response_type,"
                        + " response_body, locked_at FROM idempotency_record WHERE merchant_id = ? AND idempotency_key = ?"
                        + " FOR UPDATE")
                .setParameter(1, merchantId).setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            // released between our insert and our read: the caller may simply try again
            return new IdempotencyDecision.InFlight();
        }
        Object[] row = rows.get(0);
        if (!requestFingerprint.equals(row[0])) {
            return new IdempotencyDecision.Mismatch();
        }
        if ("COMPLETED".equals(row[1])) {
            return new IdempotencyDecision.Replay(((Number) row[2]).intValue(), (String) row[3], (String) row[4]);
        }
        Instant lockedAt = toInstant(row[5]);
        if (lockedAt.isBefore(now.minusSeconds(staleAfterSeconds))) {
            em.createNativeQuery("UPDATE idempotency_record SET locked_at = ? WHERE merchant_id = ? AND idempotency_key = ?")
                    .setParameter(1, now).setParameter(2, merchantId).setParameter(3, key).executeUpdate();
            return new IdempotencyDecision.Proceed();
        }
        return new IdempotencyDecision.InFlight();
    }

    /** Records the answer that later retries with the key will get. */
    public void complete(String merchantId, String key, int status, String contentType, String body) {
        em.createNativeQuery("UPDATE idempotency_record SET state = 'COMPLETED', response_status = ?, response_type = ?,"
                        + " response_body = ?, completed_at = ? WHERE merchant_id = ? AND idempotency_key = ?")
                .setParameter(1, status).setParameter(2, contentType).setParameter(3, body)
                .setParameter(4, clock.instant()).setParameter(5, merchantId).setParameter(6, key)
                .executeUpdate();
    }

    /** The request failed on our side (5xx): forget the key so that a retry runs again. */
    public void release(String merchantId, String key) {
        em.createNativeQuery("DELETE FROM idempotency_record WHERE merchant_id = ? AND idempotency_key = ?"
                        + " AND state = 'IN_FLIGHT'")
                .setParameter(1, merchantId).setParameter(2, key).executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
