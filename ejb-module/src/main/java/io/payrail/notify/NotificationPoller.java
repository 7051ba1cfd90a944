package io.payrail.notify;

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

/** Delivers what is due: retries on their schedule, and anything the immediate path missed. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationPoller {

    private static final int BATCH = 100;
    private static final String LOOP = "notification-poller";

    @Resource
    private TimerService timers;

    @Inject
    private NotificationDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "payrail.notify.poll-interval-ms", defaultValue = "1000")
    long intervalMillis;

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
    void poll() {
        loops.drain(LOOP, deadline -> dispatcher.deliverDue(BATCH, deadline) == BATCH);
    }
}
