package io.payrail.channel;

import io.payrail.order.application.PaymentOrderService;
import io.payrail.refund.RefundService;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The resolver's clock: every {@code payrail.resolve.poll-interval-ms} it closes expired orders and
 * runs the checks that are due. One failing order never stops the others, and a failing pass (the
 * database is down) never stops the timer: {@link BackgroundLoops} catches it, so the next tick runs.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ResolverTimer {

    private static final Logger LOG = Logger.getLogger(ResolverTimer.class.getName());
    private static final int BATCH = 100;
    private static final String LOOP = "payment-resolver";

    @Resource
    private TimerService timers;

    @Inject
    private PaymentResolver resolver;

    @Inject
    private PaymentOrderService orders;

    @Inject
    private RefundService refunds;

    @Inject
    @ConfigProperty(name = "payrail.resolve.poll-interval-ms", defaultValue = "1000")
    long intervalMillis;

    @Inject
    private BackgroundLoops loops;

    @PostConstruct
    void schedule() {
        loops.register(LOOP, Duration.ofMillis(intervalMillis));
        timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig(LOOP, false));
    }

    /** Read-locked: a tick never waits for the previous one (which {@link BackgroundLoops} skips). */
    @Timeout
    @Lock(LockType.READ)
    void tick() {
        loops.pass(LOOP, this::pass);
    }

    private void pass() {
        for (String orderId : orders.expired(BATCH)) {
            safely("expire " + orderId, () -> resolver.expire(orderId));
        }
        for (String orderId : orders.dueForCheck(BATCH)) {
            safely("check " + orderId, () -> resolver.checkOrder(orderId));
        }
        for (String refundId : refunds.dueForCheck(BATCH)) {
            safely("check " + refundId, () -> resolver.checkRefund(refundId));
        }
    }

    private static void safely(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "resolver: " + what + " failed; it is tried again on the next pass", e);
        }
    }
}
