package io.payrail.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import io.payrail.platform.BackgroundLoops;
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
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes outbox rows that the after-commit publisher did not (the server died between the
 * commit and the send, or the broker was down). Runs on every server of a cluster; row locks with
 * SKIP LOCKED share the work out.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSweeper {

    private static final int BATCH = 200;
    private static final String LOOP = "outbox-sweeper";

    @Resource
    private TimerService timers;

    @Inject
    private OutboxPublisher publisher;

    @Inject
    @ConfigProperty(name = "payrail.outbox.sweep-interval-ms", defaultValue = "5000")
    private long intervalMillis;

    /** Rows younger than this are left to the after-commit publisher. */
    @Inject
    @ConfigProperty(name = "payrail.outbox.sweep-min-age-ms", defaultValue = "3000")
    private long minAgeMillis;

    @Inject
    private BackgroundLoops loops;

    @PostConstruct
    void schedule() {
        loops.register(LOOP, Duration.ofMillis(intervalMillis));
        timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig(LOOP, false));
    }

    /** Never throws (Payara would drop the timer): {@link BackgroundLoops} catches a failed pass. */
    @Timeout
    @Lock(LockType.READ)
    void sweep() {
        loops.drain(LOOP, deadline -> publisher.publishBacklog(Duration.ofMillis(minAgeMillis), BATCH) == BATCH);
    }
}
