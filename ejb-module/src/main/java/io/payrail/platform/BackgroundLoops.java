package io.payrail.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The payment server's background loops (resolver, notification poller, outbox sweeper, gateway
 * housekeeping) run their passes through here, for two reasons.
 * <ol>
 * <li><b>A pass never escapes.</b> Payara, like GlassFish, retries a failed {@code @Timeout} once and
 *     then expunges the timer, interval timers included: one exception during a database or broker
 *     outage would stop expiries, checks and deliveries until the server restarts. So a pass catches
 *     everything (but the JVM's own fatal errors) and the next tick simply tries again.</li>
 * <li><b>A loop is watched.</b> Each loop records its last completed pass; one that has not completed
 *     a pass for {@link #STALE_AFTER_INTERVALS} intervals (at least {@link #MIN_STALE}) is reported
 *     stale, and the readiness check turns DOWN, naming it.</li>
 * </ol>
 * A pass that overlaps the previous one of the same loop is skipped: the timers fire on their
 * schedule whatever the previous pass is doing, and a slow pass (a database that hangs) must not
 * pile up threads. A loop that works off a backlog does so in {@linkplain #drain bounded passes}:
 * after an outage thousands of rows can be due at once, and one pass working through all of them
 * would look exactly like a dead loop.
 */
@ApplicationScoped
public class BackgroundLoops {

    static final int STALE_AFTER_INTERVALS = 5;
    static final Duration MIN_STALE = Duration.ofSeconds(30);
    /**
     * How long a draining pass starts new batches: well under {@link #MIN_STALE}, so that even with
     * the last batch's slowest item (a notification: 3 s to connect, 10 s to read) the pass ends
     * before the loop could be called stale.
     */
    static final Duration DRAIN_BUDGET = Duration.ofSeconds(10);
    /** While a loop keeps failing, its failure is logged again at most this often. */
    private static final Duration REPEAT_LOG = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(BackgroundLoops.class.getName());

    private final Map<String, Loop> loops = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    /** What the readiness check shows of one loop. */
    public record Status(String name, Duration interval, Instant lastCompleted, Instant lastFailed,
                         int failuresInARow, String lastError, boolean stale) {
    }

    /** Declares a loop and its interval (from its timer's creation on); idempotent. */
    public void register(String name, Duration interval) {
        Instant now = clock.instant();
        loops.compute(name, (n, existing) -> existing == null ? new Loop(n, interval, now) : existing.every(interval));
    }

    /** One batch of a draining pass; {@code deadline} is when the pass stops starting new work. */
    @FunctionalInterface
    public interface Batch {
        /** @return true when the batch was full, so more may be due right now */
        boolean run(Instant deadline);
    }

    /**
     * A {@link #pass} that runs {@code batch} while batches come back full, for at most
     * {@link #DRAIN_BUDGET}: the rest of a backlog is the next tick's, and each pass completes (and
     * is seen to) within the budget however large the backlog. A batch should stop starting items
     * once {@code deadline} has passed.
     */
    public boolean drain(String name, Batch batch) {
        return pass(name, () -> {
            Instant deadline = clock.instant().plus(DRAIN_BUDGET);
            while (batch.run(deadline) && clock.instant().isBefore(deadline)) {
                // a full batch and time left: there may be more due right now
            }
        });
    }

    /**
     * Runs one pass of {@code name}; never throws. A pass still running from the last tick makes this
     * one a no-op.
     *
     * @return true when the pass completed without an exception
     */
    public boolean pass(String name, Runnable work) {
        Loop loop = loops.computeIfAbsent(name, n -> new Loop(n, Duration.ofMinutes(1), clock.instant()));
        if (!loop.running.compareAndSet(false, true)) {
            return false;
        }
        try {
            work.run();
            loop.completed(clock.instant());
            return true;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (RuntimeException | Error e) {
            loop.failed(clock.instant(), e);
            return false;
        } finally {
            loop.running.set(false);
        }
    }

    /** Every loop, stale ones first. */
    public List<Status> status() {
        Instant now = clock.instant();
        return loops.values().stream().map(l -> l.status(now))
                .sorted(Comparator.comparing(Status::stale).reversed().thenComparing(Status::name)).toList();
    }

    /** One loop's record; written by its own passes, read by the health check. */
    private static final class Loop {
        private final String name;
        private final Instant registered;
        private final AtomicBoolean running = new AtomicBoolean();
        private volatile Duration interval;
        private volatile Instant lastCompleted;
        private volatile Instant lastFailed;
        private volatile Instant lastLogged;
        private volatile int failuresInARow;
        private volatile String lastError;

        Loop(String name, Duration interval, Instant registered) {
            this.name = name;
            this.interval = interval;
            this.registered = registered;
        }

        Loop every(Duration newInterval) {
            interval = newInterval;
            return this;
        }

        void completed(Instant now) {
            if (failuresInARow > 0) {
                int failures = failuresInARow;
                LOG.info(() -> "background loop " + name + " works again after " + failures + " failed pass(es)");
            }
            lastCompleted = now;
            failuresInARow = 0;
        }

        void failed(Instant now, Throwable e) {
            failuresInARow++;
            lastFailed = now;
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (failuresInARow == 1) {
                lastLogged = now;
                LOG.log(Level.WARNING, "background loop " + name + ": a pass failed; the next tick tries again"
                        + " (if the database or the broker is down, it works again once they are back)", e);
            } else if (lastLogged == null || !now.isBefore(lastLogged.plus(REPEAT_LOG))) {
                lastLogged = now;
                LOG.warning(() -> "background loop " + name + " still failing: " + failuresInARow
                        + " passes in a row, last: " + lastError);
            }
        }

        Status status(Instant now) {
            Instant since = lastCompleted != null ? lastCompleted : registered;
            Duration staleAfter = interval.multipliedBy(STALE_AFTER_INTERVALS);
            if (staleAfter.compareTo(MIN_STALE) < 0) {
                staleAfter = MIN_STALE;
            }
            boolean stale = since.plus(staleAfter).isBefore(now);
            return new Status(name, interval, lastCompleted, lastFailed, failuresInARow, lastError, stale);
        }
    }
}
