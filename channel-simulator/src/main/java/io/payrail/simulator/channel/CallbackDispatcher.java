package io.payrail.simulator.channel;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers a channel's callback events to the platform: signed by the channel's codec, posted to
 * the channel's callback URL, retried with backoff until the platform answers with the channel's
 * acknowledgement, and every attempt written to the ledger.
 *
 * <p>The failure plan is applied once per event, when it is published: a lost event is never sent;
 * a duplicated one is delivered again (to acknowledgement) after its first copy was acknowledged;
 * a reordered one is held back until the reference's next event has had its first attempt, or
 * until the hold runs out, whichever comes first.
 */
public final class CallbackDispatcher {

    private static final Logger LOG = Logger.getLogger(CallbackDispatcher.class.getName());
    private static final int MAX_REPLY_CHARS = 200;

    /** How one channel puts an event on the wire and recognises the platform's acknowledgement. */
    public interface Codec {
        CallbackMessage encode(CallbackEvent event);

        boolean isAcknowledgement(int status, String body);
    }

    private final ChannelId channel;
    private final ChannelLedger ledger;
    private final FaultPlan faults;
    private final Codec codec;
    private final CallbackTransport transport;
    private final Scheduler scheduler;
    private final Supplier<URI> target;
    private final Supplier<RetrySchedule> retries;
    /** Per reference, the event held back for reordering (guarded by {@code this}). */
    private final Map<String, Held> held = new HashMap<>();
    /** Bumped when the records are cleared, so deliveries of forgotten events stop. */
    private final AtomicLong generation = new AtomicLong();

    public CallbackDispatcher(ChannelId channel, ChannelLedger ledger, FaultPlan faults, Codec codec,
                              CallbackTransport transport, Scheduler scheduler, Supplier<URI> target,
                              Supplier<RetrySchedule> retries) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.target = Objects.requireNonNull(target, "target");
        this.retries = Objects.requireNonNull(retries, "retries");
    }

    /** Sends newly raised events (already in the ledger), applying the failure plan to each. */
    public void publish(List<CallbackEvent> events) {
        events.forEach(this::publish);
    }

    private void publish(CallbackEvent event) {
        long gen = generation.get();
        String ref = event.merchantRef();
        if (faults.loseCallback(ref)) {
            ledger.updateEvent(event.eventId(), e -> e.withState(DeliveryState.LOST));
            LOG.info(() -> channel + " " + ref + ": callback " + event.eventId() + " (" + event.kind() + " "
                    + event.status() + ") lost on purpose");
            release(ref);
            return;
        }
        int copies = faults.callbackCopies(ref);
        if (copies > 1) {
            ledger.updateEvent(event.eventId(), e -> e.withCopies(copies));
            LOG.info(() -> channel + " " + ref + ": callback " + event.eventId() + " will be delivered " + copies
                    + " times");
        }
        Held earlier;
        synchronized (this) {
            earlier = held.remove(ref);
            if (earlier == null) {
                OptionalLong hold = faults.reorderHoldMs(ref);
                if (hold.isPresent()) {
                    Held h = new Held(event.eventId(), gen);
                    held.put(ref, h);
                    LOG.info(() -> channel + " " + ref + ": callback " + event.eventId()
                            + " held back until the next one was sent (at most " + hold.getAsLong() + " ms)");
                    scheduler.schedule(() -> {
                        synchronized (this) {
                            held.remove(ref, h);
                        }
                        h.start(this);
                    }, hold.getAsLong());
                    return;
                }
            }
        }
        Runnable afterFirstAttempt = earlier == null ? null : () -> earlier.start(this);
        deliver(event.eventId(), 0, afterFirstAttempt, gen);
    }

    /** Starts what was held for {@code ref}, if anything (the event that would have overtaken it is not coming). */
    private void release(String ref) {
        Held earlier;
        synchronized (this) {
            earlier = held.remove(ref);
        }
        if (earlier != null) {
            earlier.start(this);
        }
    }

    /** Resumes every event still waiting for an acknowledgement (after a restart). */
    public void resume() {
        List<CallbackEvent> open = ledger.openEvents();
        if (!open.isEmpty()) {
            LOG.info(() -> channel + ": resuming " + open.size() + " unacknowledged callbacks");
        }
        long gen = generation.get();
        open.forEach(e -> deliver(e.eventId(), 0, null, gen));
    }

    /** Stops every delivery in progress (the records they belong to were cleared). */
    public void reset() {
        generation.incrementAndGet();
        synchronized (this) {
            held.clear();
        }
    }

    /**
     * One attempt, then whatever follows from its result.
     *
     * @param failuresInRow failed attempts just before this one (for the backoff)
     * @param afterFirstAttempt run once, when this attempt has completed (to release a held event)
     */
    private void deliver(String eventId, int failuresInRow, Runnable afterFirstAttempt, long gen) {
        Optional<CallbackEvent> found = generation.get() == gen ? ledger.findEvent(eventId) : Optional.empty();
        if (found.isEmpty() || !found.get().state().isOpen()) {
            runQuietly(afterFirstAttempt);
            return;
        }
        CallbackEvent event = found.get();
        CompletableFuture<CallbackTransport.Reply> reply;
        try {
            URI uri = target.get();
            reply = transport.post(uri, codec.encode(event));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((answer, failure) -> {
            try {
                afterAttempt(event, answer, failure, failuresInRow, gen);
            } catch (RuntimeException e) {
                // a journal that cannot be written: try again later rather than lose the event
                LOG.log(Level.WARNING, channel + " callback " + eventId + ": cannot record the attempt", e);
                scheduleNext(eventId, failuresInRow + 1, gen);
            } finally {
                runQuietly(afterFirstAttempt);
            }
        });
    }

    private void afterAttempt(CallbackEvent event, CallbackTransport.Reply answer, Throwable failure,
                              int failuresInRow, long gen) {
        if (generation.get() != gen) {
            return;
        }
        boolean acknowledged = failure == null && codec.isAcknowledgement(answer.status(), answer.body());
        String result = failure != null ? describe(failure)
                : answer.status() + (acknowledged ? " ack" : " no ack: " + shorten(answer.body()));
        Optional<CallbackEvent> updated = ledger.updateEvent(event.eventId(), e -> e.attempted(acknowledged, result));
        if (updated.isEmpty()) {
            return;
        }
        CallbackEvent now = updated.get();
        LOG.fine(() -> channel + " callback " + now.eventId() + " attempt " + now.attempts() + ": " + result);
        if (!now.state().isOpen()) {
            return;
        }
        if (acknowledged) {
            // a duplicated event: its next copy goes out right away, as a fresh delivery
            scheduler.schedule(() -> deliver(now.eventId(), 0, null, gen), 0);
            return;
        }
        RetrySchedule schedule = retries.get();
        if (now.attempts() - now.acks() >= schedule.maxAttempts()) {
            ledger.updateEvent(now.eventId(), e -> e.withState(DeliveryState.GAVE_UP));
            LOG.warning(() -> channel + " callback " + now.eventId() + " for " + now.merchantRef() + ": gave up after "
                    + now.attempts() + " attempts; last: " + result);
            return;
        }
        if (failuresInRow == 0) {
            LOG.info(() -> channel + " callback " + now.eventId() + " for " + now.merchantRef()
                    + " not acknowledged (" + result + "); retrying");
        }
        scheduleNext(now.eventId(), failuresInRow + 1, gen);
    }

    private void scheduleNext(String eventId, int failuresInRow, long gen) {
        scheduler.schedule(() -> deliver(eventId, failuresInRow, null, gen), retries.get().delayAfter(failuresInRow));
    }

    private static void runQuietly(Runnable task) {
        if (task != null) {
            task.run();
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + shorten(message));
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_REPLY_CHARS ? oneLine : oneLine.substring(0, MAX_REPLY_CHARS) + "...";
    }

    /** An event held back for reordering; started once, by whichever comes first. */
    private static final class Held {
        private final String eventId;
        private final long gen;
        private final AtomicBoolean started = new AtomicBoolean();

        Held(String eventId, long gen) {
            this.eventId = eventId;
            this.gen = gen;
        }

        void start(CallbackDispatcher dispatcher) {
            if (started.compareAndSet(false, true)) {
                dispatcher.deliver(eventId, 0, null, gen);
            }
        }
    }
}
