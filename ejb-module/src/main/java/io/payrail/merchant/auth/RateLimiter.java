package io.payrail.merchant.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Requests per merchant per calendar minute, counted in MySQL so that every server of a cluster
 * counts against the same limit. (A fixed window lets a burst of twice the limit straddle a
 * minute boundary; that is accepted for its simplicity and documented.)
 */
@Stateless
public class RateLimiter {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** The answer: allowed or not, and if not, how many seconds until the next window. */
    public record Decision(boolean allowed, long count, long retryAfterSeconds) {
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Decision acquire(String merchantId, int limitPerMinute) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        em.createNativeQuery("INSERT INTO rate_limit_window (merchant_id, window_start, request_count) VALUES (?, ?, 1)"
                        + " ON DUPLICATE KEY UPDATE request_count = request_count + 1")
                .setParameter(1, merchantId)
                .setParameter(2, window)
                .executeUpdate();
        long count = ((Number) em.createNativeQuery("SELECT request_count FROM rate_limit_window"
                        + " WHERE merchant_id = ? AND window_start = ?")
                .setParameter(1, merchantId)
                .setParameter(2, window)
                .getSingleResult()).longValue();
        long retryAfter = Math.max(1, window.plus(1, ChronoUnit.MINUTES).getEpochSecond() - now.getEpochSecond());
        return new Decision(count <= limitPerMinute, count, retryAfter);
    }
}
