package io.payrail.notify;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Delivers what is due: retries on their schedule, and anything the immediate path missed. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationPoller {

    private static final Logger LOG = Logger.getLogger(NotificationPoller.class.getName());
    private static final int BATCH = 100;

    @Resource
    private TimerService timers;

    @Inject
    private NotificationDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "payrail.notify.poll-interval-ms", defaultValue = "1000")
    long intervalMillis;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig("notification-poller", false));
    }

    @Timeout
    void poll() {
        try {
            while (dispatcher.deliverDue(BATCH) == BATCH) {
                // a full batch: there may be more due right now
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notification poll failed; the next poll retries", e);
        }
    }
}
