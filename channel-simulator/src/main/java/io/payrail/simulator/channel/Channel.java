package io.payrail.simulator.channel;

import io.payrail.simulator.fault.Directive;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One simulated channel. What all channels share lives here: the {@link ChannelLedger} (what was
 * charged, refunded, called back), the {@link FaultPlan} (what to break), the
 * {@link CallbackDispatcher} (signed callbacks, retried until acknowledged), and the operations
 * every channel offers with the same meaning: query, close, refund, refund query, statement, and
 * the payer's approve/decline page. Each implementation adds its own way to pay and its own wire
 * protocol: how it signs, how it verifies the platform's signature, how its callbacks look and
 * what counts as their acknowledgement.
 *
 * <p>Every operation goes through the failure plan first ({@link #call}): an injected 5xx does
 * nothing but count the request; a simulated timeout does the work at once and only holds the
 * answer back, like a real channel that was slow, not one that failed.
 */
public abstract class Channel {

    private static final Logger LOG = Logger.getLogger(Channel.class.getName());

    /** Everything a channel is built from. */
    public record Context(ChannelLedger ledger, FaultPlan faults, Scheduler scheduler, Clock clock,
                          CallbackTransport transport, ChannelKeys keys, PlatformKey platformKey,
                          ChannelSettings settings, Duration maxClockSkew) {
        public Context {
            Objects.requireNonNull(ledger, "ledger");
            Objects.requireNonNull(faults, "faults");
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(platformKey, "platformKey");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        }
    }

    protected final ChannelLedger ledger;
    protected final FaultPlan faults;
    protected final Scheduler scheduler;
    protected final Clock clock;
    protected final ChannelKeys keys;
    protected final PlatformKey platformKey;
    protected final Duration maxClockSkew;
    private final ChannelSettings initialSettings;
    private final AtomicReference<ChannelSettings> settings;
    private final CallbackDispatcher callbacks;
    private final StatementDiffs statementDiffs;

    protected Channel(Context context) {
        this.ledger = context.ledger();
        this.faults = context.faults();
        this.scheduler = context.scheduler();
        this.clock = context.clock();
        this.keys = context.keys();
        this.platformKey = context.platformKey();
        this.maxClockSkew = context.maxClockSkew();
        this.initialSettings = context.settings();
        this.settings = new AtomicReference<>(context.settings());
        this.statementDiffs = new StatementDiffs(ledger.channel().prefix());
        this.callbacks = new CallbackDispatcher(ledger.channel(), ledger, faults, new CallbackDispatcher.Codec() {
            @Override
            public CallbackMessage encode(CallbackEvent event) {
                return encodeCallback(event);
            }

            @Override
            public boolean isAcknowledgement(int status, String body) {
                return Channel.this.isAcknowledgement(status, body);
            }
        }, context.transport(), scheduler, () -> this.settings.get().callbackUrl(), () -> this.settings.get().retries());
    }

    public final ChannelId id() {
        return ledger.channel();
    }

    // ---------------------------------------------------------------- the channel's own protocol

    /** The callback for an event as this channel sends it: body, content type, signature headers. */
    public abstract CallbackMessage encodeCallback(CallbackEvent event);

    /** Whether the platform's answer to a callback acknowledges it (per this channel's documented rule). */
    public abstract boolean isAcknowledgement(int status, String body);

    // ---------------------------------------------------------------- lifecycle

    /** Picks up what a restart interrupted: unacknowledged callbacks, refunds in progress, landings due. */
    public void resume() {
        callbacks.resume();
        Instant now = clock.instant();
        for (Refund refund : ledger.processingRefunds()) {
            scheduleRefundCompletion(refund.refundRef(), millisUntil(now, refund.completesAt()));
        }
        for (ChannelOrder order : ledger.pendingLandings()) {
            scheduleLanding(order.merchantRef(), millisUntil(now, order.landsAt()));
        }
    }

    // ---------------------------------------------------------------- operations every channel has

    /** The order for a merchant reference. */
    public Answer<OrderSnapshot> queryByRef(String merchantRef) {
        return call(Operation.QUERY, merchantRef, () -> ledger.find(merchantRef).orElseThrow(
                () -> new ChannelException(ChannelError.ORDER_NOT_FOUND, "no order with merchantRef " + merchantRef)));
    }

    /** The order for a channel transaction id. */
    public Answer<OrderSnapshot> queryByTransaction(String transactionId) {
        return call(Operation.QUERY, ledger.refOf(transactionId).orElse(null), () -> ledger
                .findByTransaction(transactionId).orElseThrow(() -> new ChannelException(
                        ChannelError.ORDER_NOT_FOUND, "no order with transactionId " + transactionId)));
    }

    /** Closes an unpaid order (or fences a reference never seen); see {@link ChannelLedger#close}. */
    public Answer<OrderSnapshot> close(String merchantRef) {
        return call(Operation.CLOSE, merchantRef, () -> {
            ChannelLedger.CloseOutcome outcome = ledger.close(merchantRef, () -> faults.paidAfterClose(merchantRef));
            ChannelOrder closed = outcome.order();
            if (outcome.changed() && closed.landsAt() != null) {
                scheduleLanding(merchantRef, millisUntil(clock.instant(), closed.landsAt()));
            }
            if (outcome.changed() && closed.leaky()) {
                LOG.info(() -> id() + " " + merchantRef + ": closed, but the payer's payment will land anyway"
                        + " (paid after close)");
            }
            return ledger.find(merchantRef).orElseThrow();
        });
    }

    /** A refund request: by merchant reference or by transaction id. */
    public record RefundRequest(String merchantRef, String transactionId, String refundRef, Money money,
                                String reason) {
    }

    /** Refunds part or all of a paid order; idempotent by refund reference. */
    public Answer<ChannelLedger.RefundOutcome> refund(RefundRequest request) {
        String ref = request.merchantRef() != null ? request.merchantRef()
                : ledger.refOf(request.transactionId()).orElse(null);
        return call(Operation.REFUND, ref, () -> {
            if (ref == null) {
                throw new ChannelException(ChannelError.ORDER_NOT_FOUND,
                        "no order with transactionId " + request.transactionId());
            }
            if (request.merchantRef() != null && request.transactionId() != null
                    && !ledger.refOf(request.transactionId()).map(ref::equals).orElse(false)) {
                throw new ChannelException(ChannelError.ORDER_NOT_FOUND, "transactionId " + request.transactionId()
                        + " is not the payment of merchantRef " + ref);
            }
            long delay = settings.get().refundDelayMs();
            ChannelLedger.RefundOutcome outcome = ledger.refund(new ChannelLedger.RefundAttempt(ref,
                    request.refundRef(), request.money(), request.reason(), delay));
            callbacks.publish(outcome.events());
            if (!outcome.duplicate() && outcome.refund().status() == RefundStatus.PROCESSING) {
                scheduleRefundCompletion(outcome.refund().refundRef(), delay);
            }
            return outcome;
        });
    }

    /** A refund by its refund reference. */
    public Answer<Refund> queryRefund(String refundRef) {
        Optional<Refund> refund = ledger.findRefund(refundRef);
        return call(Operation.QUERY, refund.map(Refund::merchantRef).orElse(null), () -> refund.orElseThrow(
                () -> new ChannelException(ChannelError.REFUND_NOT_FOUND, "no refund with refundRef " + refundRef)));
    }

    /** The statement file of one UTC day (see {@link StatementFile}), with the day's injected differences. */
    public Answer<String> statement(LocalDate day) {
        return call(Operation.STATEMENT, null, () -> StatementFile.render(statementDiffs.apply(day,
                ledger.movements(day))));
    }

    /** The differences a test makes this channel's statements show (operator.md §4). */
    public StatementDiffs statementDiffs() {
        return statementDiffs;
    }

    // ---------------------------------------------------------------- the payer's page

    /** The order behind a payer page. */
    public Optional<OrderSnapshot> payerView(String token) {
        return ledger.findByToken(token);
    }

    /** The payer approves or declines on the page (no failure injection: the payer is not the platform). */
    public Optional<ChannelLedger.PayerOutcome> payerDecision(String token, boolean approve) {
        Optional<ChannelLedger.PayerOutcome> outcome = ledger.payerDecision(token, approve,
                () -> ledger.findByToken(token).flatMap(o -> faults.decline(o.order().merchantRef(),
                        o.order().money())));
        outcome.ifPresent(o -> callbacks.publish(o.events()));
        return outcome;
    }

    // ---------------------------------------------------------------- administration

    public FaultPlan faults() {
        return faults;
    }

    public ChannelLedger ledger() {
        return ledger;
    }

    public ChannelKeys keys() {
        return keys;
    }

    public PlatformKey platformKey() {
        return platformKey;
    }

    public ChannelSettings settings() {
        return settings.get();
    }

    public ChannelSettings updateSettings(ChannelSettings next) {
        settings.set(Objects.requireNonNull(next));
        LOG.info(() -> id() + " settings now " + next);
        return next;
    }

    /** Back to the settings the channel started with. */
    public ChannelSettings resetSettings() {
        return updateSettings(initialSettings);
    }

    /** Forgets every record (and stops deliveries of their callbacks). */
    public void clearRecords() {
        callbacks.reset();
        ledger.clear();
    }

    public List<CallbackEvent> events(String merchantRef) {
        return ledger.events(merchantRef);
    }

    // ---------------------------------------------------------------- for the implementations

    /**
     * Runs an operation through the failure plan: an injected failure counts the request and does
     * nothing else; otherwise the work is done now and its answer held back by the directive's
     * delay. A journal that cannot be written is a {@link ChannelError#SYSTEM_ERROR}.
     */
    protected final <T> Answer<T> call(Operation operation, String merchantRef, Supplier<T> work) {
        Directive directive = faults.before(operation, merchantRef);
        if (directive.fails()) {
            ledger.countInjected(operation, merchantRef);
            LOG.fine(() -> id() + " " + operation + " " + merchantRef + ": injected HTTP " + directive.failStatus());
            return Answer.failed(ChannelException.injected(directive.failStatus()), directive.delayMillis());
        }
        try {
            return Answer.ok(work.get(), directive.delayMillis());
        } catch (ChannelException e) {
            return Answer.failed(e, directive.delayMillis());
        } catch (UncheckedIOException e) {
            LOG.log(Level.SEVERE, id() + " journal write failed", e);
            return Answer.failed(new ChannelException(ChannelError.SYSTEM_ERROR,
                    "the channel could not record the request"), directive.delayMillis());
        }
    }

    /** Takes a pay request through the ledger and sends the callbacks it raised. */
    protected final ChannelLedger.PayOutcome pay(PayAttempt attempt, ChannelLedger.Decider decider) {
        ChannelLedger.PayOutcome outcome = ledger.pay(attempt, decider);
        callbacks.publish(outcome.events());
        return outcome;
    }

    /** Seconds of clock difference tolerated in signed timestamps. */
    protected final boolean fresh(Instant signedAt) {
        Instant now = clock.instant();
        return !signedAt.isBefore(now.minus(maxClockSkew)) && !signedAt.isAfter(now.plus(maxClockSkew));
    }

    private void scheduleRefundCompletion(String refundRef, long delayMs) {
        scheduler.schedule(() -> {
            try {
                ledger.completeRefund(refundRef).ifPresent(o -> callbacks.publish(o.events()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, id() + " refund " + refundRef + " could not be completed; retrying", e);
                scheduleRefundCompletion(refundRef, 1_000);
            }
        }, delayMs);
    }

    private void scheduleLanding(String merchantRef, long delayMs) {
        scheduler.schedule(() -> {
            try {
                ledger.land(merchantRef).ifPresent(o -> callbacks.publish(o.events()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, id() + " " + merchantRef + ": the late payment could not land; retrying", e);
                scheduleLanding(merchantRef, 1_000);
            }
        }, delayMs);
    }

    private static long millisUntil(Instant now, Instant at) {
        return at == null ? 0 : Math.max(0, Duration.between(now, at).toMillis());
    }
}
