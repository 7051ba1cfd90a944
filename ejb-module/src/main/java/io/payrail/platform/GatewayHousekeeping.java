package io.payrail.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes what the gateway no longer needs: nonces that no request could reuse any more, finished
 * rate-limit windows, and idempotency records past their retention. In short batches, each its own
 * transaction, until nothing old is left: a busy gateway writes a nonce per request, and a
 * fixed number of deletes per pass would let the table grow without bound.
 *
 * <p>How long a nonce must be kept follows the timestamp window
 * ({@code payrail.auth.max-clock-skew-seconds}, S): a request is accepted while its timestamp is
 * within S of the server's clock, so a nonce first seen at {@code seen} can come back with an
 * acceptable timestamp until {@code seen + 2S}. It is kept {@link #NONCE_MARGIN} longer than that,
 * for clock differences between the servers of a cluster.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GatewayHousekeeping {

    static final Duration NONCE_MARGIN = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(GatewayHousekeeping.class.getName());
    private static final String LOOP = "gateway-housekeeping";
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    /** Short enough that a batch holds its locks for milliseconds, not seconds. */
    private static final int BATCH = 1_000;

    @Resource
    private TimerService timers;

    @Inject
    private GatewayTables tables;

    @Inject
    private BackgroundLoops loops;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "payrail.idempotency.retention-hours", defaultValue = "24")
    long idempotencyRetentionHours;

    @Inject
    @ConfigProperty(name = "payrail.auth.max-clock-skew-seconds", defaultValue = "300")
    long maxSkewSeconds;

    @PostConstruct
    void schedule() {
        loops.register(LOOP, INTERVAL);
        timers.createIntervalTimer(INTERVAL.toMillis(), INTERVAL.toMillis(), new TimerConfig(LOOP, false));
    }

    /** Never throws (Payara would drop the timer): {@link BackgroundLoops} catches a failed pass. */
    @Timeout
    @Lock(LockType.READ)
    void tick() {
        loops.pass(LOOP, this::clean);
    }

    /**
     * One pass: everything past its retention, batch by batch.
     *
     * @return rows deleted
     */
    public long clean() {
        Instant now = clock.instant();
        long deleted = drain(GatewayTables.Table.REQUEST_NONCE, nonceRetentionStart(now, Duration.ofSeconds(maxSkewSeconds)))
                + drain(GatewayTables.Table.RATE_LIMIT_WINDOW, now.minus(Duration.ofMinutes(5)))
                + drain(GatewayTables.Table.IDEMPOTENCY_RECORD, now.minus(Duration.ofHours(idempotencyRetentionHours)));
        if (deleted > 0) {
            LOG.fine(() -> "gateway housekeeping deleted " + deleted + " rows");
        }
        return deleted;
    }

    /** Nonces first seen before this instant can no longer come back with an acceptable timestamp. */
    static Instant nonceRetentionStart(Instant now, Duration maxSkew) {
        return now.minus(maxSkew.multipliedBy(2)).minus(NONCE_MARGIN);
    }

    private long drain(GatewayTables.Table table, Instant before) {
        long total = 0;
        int deleted;
        do {
            deleted = tables.deleteOlder(table, before, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
