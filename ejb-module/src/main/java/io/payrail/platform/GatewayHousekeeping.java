package io.payrail.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes what the gateway no longer needs: nonces older than the timestamp window (such requests
 * are refused for their timestamp anyway), finished rate-limit windows, and idempotency records
 * past their retention. In batches, so no pass holds many locks.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class GatewayHousekeeping {

    private static final Logger LOG = Logger.getLogger(GatewayHousekeeping.class.getName());
    private static final int BATCH = 5_000;

    @Resource
    private TimerService timers;

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "payrail.idempotency.retention-hours", defaultValue = "24")
    long idempotencyRetentionHours;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(60_000, 60_000, new TimerConfig("gateway-housekeeping", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void clean() {
        Instant now = clock.instant();
        try {
            delete("DELETE FROM request_nonce WHERE seen_at < ? LIMIT " + BATCH, now.minus(Duration.ofMinutes(10)));
            delete("DELETE FROM rate_limit_window WHERE window_start < ? LIMIT " + BATCH, now.minus(Duration.ofMinutes(5)));
            delete("DELETE FROM idempotency_record WHERE created_at < ? LIMIT " + BATCH,
                    now.minus(Duration.ofHours(idempotencyRetentionHours)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "gateway housekeeping failed; the next pass (in a minute) retries", e);
        }
    }

    private void delete(String sql, Instant before) {
        em.createNativeQuery(sql).setParameter(1, before).executeUpdate();
    }
}
