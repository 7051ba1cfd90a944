package io.payrail.simulator.channel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * A channel's book: every merchant reference with its order, refunds, callback events and request
 * counts. Shared by the three channels; what differs between them is how they decide (a
 * {@link Decider}) and how they talk, not how they remember.
 *
 * <p>Every change to a reference happens under that reference's own lock, so a decision to take
 * money is made once however many requests race for it, and requests for different references do
 * not wait for each other. Each change is written to the {@link LedgerLog} first (write-ahead):
 * if the write fails, nothing changes and the request fails; whatever a caller was told survives a
 * restart.
 */
public final class ChannelLedger {

    private static final Logger LOG = Logger.getLogger(ChannelLedger.class.getName());

    private final ChannelId channel;
    private final LedgerLog log;
    private final Clock clock;
    private final Supplier<String> randomIds;
    private final ToLongFunction<Money> fees;
    private final Capture capture;

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> refByTransaction = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> refByToken = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> refByRefundRef = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> refByEvent = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Map<String, Object>>> sides =
            new ConcurrentHashMap<>();
    /** Requests share it; {@link #clear()} takes it alone so that no request straddles a clear. */
    private final ReadWriteLock clearing = new ReentrantReadWriteLock();

    private ChannelLedger(ChannelId channel, LedgerLog log, Clock clock, Supplier<String> randomIds,
                          ToLongFunction<Money> fees, Capture capture) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.randomIds = Objects.requireNonNull(randomIds, "randomIds");
        this.fees = Objects.requireNonNull(fees, "fees");
        this.capture = Objects.requireNonNull(capture, "capture");
    }

    /**
     * The money a payment really takes, asked at the moment it is taken (under the reference's
     * lock): the order's own, unless the channel is told to misbehave.
     */
    @FunctionalInterface
    public interface Capture {
        Money take(String merchantRef, Money asked);

        /** A well-behaved channel: it takes what the order asks. */
        Capture AS_ASKED = (merchantRef, asked) -> asked;
    }

    /**
     * A ledger holding everything {@code log} already has. Events that a crash kept from being
     * written after their change (the change is written first) are raised again, so a final status
     * is always called back.
     *
     * @param randomIds unguessable, unique tokens (32 hex digits in production) for ids and page URLs
     * @param fees      the channel's fee for taking this money
     * @param capture   the money a payment takes ({@link Capture#AS_ASKED}, or the failure plan's "misreport")
     */
    public static ChannelLedger open(ChannelId channel, LedgerLog log, Clock clock, Supplier<String> randomIds,
                                     ToLongFunction<Money> fees, Capture capture) {
        ChannelLedger ledger = new ChannelLedger(channel, log, clock, randomIds, fees, capture);
        log.replay(ledger::restore);
        ledger.raiseMissingEvents();
        return ledger;
    }

    public ChannelId channel() {
        return channel;
    }

    // ---------------------------------------------------------------- pay

    /** Decides a new payment; called under the reference's lock, may refuse with a {@link ChannelException}. */
    @FunctionalInterface
    public interface Decider {
        Decision decide();
    }

    /** What a pay request did. */
    public enum PayEffect {
        /** The first request for its reference: decided (and, if approved, charged). */
        DECIDED,
        /** A retry: answered with the existing order, nothing charged again. */
        DUPLICATE,
        /** A closed order whose payment still landed ("paid after close" failure). */
        LANDED
    }

    public record PayOutcome(PayEffect effect, ChannelOrder order, List<CallbackEvent> events) {
    }

    /**
     * Takes a pay request: decides a new reference once, answers a retry with the existing order,
     * refuses a reused reference or a closed order.
     */
    public PayOutcome pay(PayAttempt attempt, Decider decider) {
        return locked(attempt.merchantRef(), slot -> {
            Instant now = clock.instant();
            Counters counters = slot.counters.payRequest();
            ChannelOrder existing = slot.order;
            if (existing == null) {
                Decision decision = decideOrCount(slot, counters, decider);
                ChannelOrder order = newOrder(attempt, decision, now);
                if (order.status() == OrderStatus.PAID) {
                    counters = counters.charge();
                }
                List<CallbackEvent> events = new ArrayList<>();
                write(slot, counters, order);
                events.add(raise(slot, CallbackEvent.payment(eventId(), order, slot.lastSeq + 1, now)));
                return new PayOutcome(PayEffect.DECIDED, order, events);
            }
            if (existing.status() == OrderStatus.CLOSED) {
                if (existing.leaky() && (existing.isFence() || attempt.sameAs(existing))) {
                    Decision decision = decideOrCount(slot, counters, decider);
                    if (decision.kind() != Decision.Kind.DECLINE) {
                        ChannelOrder base = existing.isFence() ? existing.withDetails(attempt.money(),
                                attempt.subject(), attempt.cardLast4(), attempt.agreementId()) : existing;
                        ChannelOrder paid = take(base, now);
                        write(slot, counters.charge(), paid);
                        LOG.info(() -> channel + " " + paid.merchantRef() + ": paid after the order was closed");
                        return new PayOutcome(PayEffect.LANDED, paid,
                                List.of(raise(slot, CallbackEvent.payment(eventId(), paid, slot.lastSeq + 1, now))));
                    }
                }
                write(slot, counters, existing);
                throw new ChannelException(ChannelError.ORDER_CLOSED,
                        "merchantRef " + existing.merchantRef() + " was closed; it cannot be paid");
            }
            write(slot, counters, existing);
            if (!attempt.sameAs(existing)) {
                throw new ChannelException(ChannelError.MERCHANT_REF_REUSED, "merchantRef " + existing.merchantRef()
                        + " was already used for " + existing.requestedMoney()
                        + (existing.agreementId() == null ? "" : " with agreement " + existing.agreementId()));
            }
            return new PayOutcome(PayEffect.DUPLICATE, existing, List.of());
        });
    }

    private Decision decideOrCount(Slot slot, Counters counters, Decider decider) {
        try {
            return decider.decide();
        } catch (ChannelException refused) {
            // refused before deciding (e.g. a wrong one-time code): counted, nothing else
            write(slot, counters, slot.order);
            throw refused;
        }
    }

    private ChannelOrder newOrder(PayAttempt attempt, Decision decision, Instant now) {
        String transactionId = channel.prefix() + "_" + randomIds.get();
        return switch (decision.kind()) {
            // paid at once: created, then its money taken like any other order's
            case APPROVE -> take(ChannelOrder.create(attempt.merchantRef(), transactionId, OrderStatus.PENDING,
                    attempt.money(), attempt.subject(), null, null, attempt.cardLast4(), attempt.agreementId(), now,
                    0), now);
            case DECLINE -> ChannelOrder.create(attempt.merchantRef(), transactionId, OrderStatus.DECLINED,
                    attempt.money(), attempt.subject(), decision.reason(), null, attempt.cardLast4(),
                    attempt.agreementId(), now, 0);
            case AWAIT_PAYER -> ChannelOrder.create(attempt.merchantRef(), transactionId, OrderStatus.PENDING,
                    attempt.money(), attempt.subject(), null, randomIds.get(), attempt.cardLast4(),
                    attempt.agreementId(), now, 0);
        };
    }

    /** Counts a request that the failure plan answered instead of the channel: nothing else changes. */
    public void countInjected(Operation operation, String merchantRef) {
        boolean counted = operation == Operation.PAY || operation == Operation.CLOSE || operation == Operation.REFUND;
        if (!counted || merchantRef == null || !PayAttempt.REFERENCE.matcher(merchantRef).matches()) {
            return;
        }
        locked(merchantRef, slot -> {
            write(slot, slot.counters.request(operation), slot.order);
            return null;
        });
    }

    // ---------------------------------------------------------------- payer

    /** What the payer's click did. */
    public record PayerOutcome(ChannelOrder order, boolean changed, List<CallbackEvent> events) {
    }

    /**
     * The payer approves or declines on the channel's page. Only a PENDING order changes, and a
     * closed one whose payment is to land anyway; any other order is shown as it is.
     *
     * @param injectedDecline asked only when money is about to be taken: a decline rule that applies
     */
    public Optional<PayerOutcome> payerDecision(String token, boolean approve,
                                                Supplier<Optional<DeclineReason>> injectedDecline) {
        String ref = token == null ? null : refByToken.get(token);
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.of(locked(ref, slot -> {
            ChannelOrder order = slot.order;
            Instant now = clock.instant();
            ChannelOrder next = null;
            Counters counters = slot.counters;
            if (order.status() == OrderStatus.PENDING) {
                if (!approve) {
                    next = order.declined(DeclineReason.PAYER_DECLINED);
                } else {
                    Optional<DeclineReason> decline = injectedDecline.get();
                    if (decline.isPresent()) {
                        next = order.declined(decline.get());
                    } else {
                        next = take(order, now);
                        counters = counters.charge();
                    }
                }
            } else if (order.status() == OrderStatus.CLOSED && order.leaky() && approve) {
                next = take(order, now);
                counters = counters.charge();
            }
            if (next == null) {
                return new PayerOutcome(order, false, List.of());
            }
            write(slot, counters, next);
            CallbackEvent event = raise(slot, CallbackEvent.payment(eventId(), next, slot.lastSeq + 1, now));
            return new PayerOutcome(next, true, List.of(event));
        }));
    }

    /** The order behind a payer page's token. */
    public Optional<OrderSnapshot> findByToken(String token) {
        String ref = token == null ? null : refByToken.get(token);
        return ref == null ? Optional.empty() : find(ref);
    }

    // ---------------------------------------------------------------- close

    /**
     * How "paid after close" applies to one close: asked only when an unpaid order is really being
     * closed; empty when not armed, else the delay after which the payer's payment lands by itself
     * (negative: only when the payer approves or a pay request comes).
     */
    @FunctionalInterface
    public interface Leak {
        Optional<Long> landingDelayMs();

        Leak NONE = Optional::empty;
    }

    public record CloseOutcome(ChannelOrder order, boolean changed) {
    }

    /**
     * Closes an unpaid order. A reference the channel never saw is closed too (a fence), so that a
     * pay request arriving late cannot charge it. Closing a closed order changes nothing; a paid
     * order cannot be closed ({@link ChannelError#ORDER_PAID}).
     */
    public CloseOutcome close(String merchantRef, Leak leak) {
        PayAttempt.requireReference(merchantRef, "merchantRef");
        return locked(merchantRef, slot -> {
            Instant now = clock.instant();
            Counters counters = slot.counters.closeRequest();
            ChannelOrder order = slot.order;
            if (order == null) {
                boolean leaky = leak.landingDelayMs().isPresent();
                ChannelOrder fence = ChannelOrder.fence(merchantRef, channel.prefix() + "_" + randomIds.get(), now,
                        leaky);
                write(slot, counters, fence);
                return new CloseOutcome(fence, true);
            }
            switch (order.status()) {
                case PAID -> {
                    write(slot, counters, order);
                    throw new ChannelException(ChannelError.ORDER_PAID,
                            "merchantRef " + merchantRef + " is paid; refund it instead");
                }
                case CLOSED -> {
                    write(slot, counters, order);
                    return new CloseOutcome(order, false);
                }
                default -> {
                    Optional<Long> landing = leak.landingDelayMs();
                    Instant landsAt = landing.filter(ms -> ms >= 0).map(now::plusMillis).orElse(null);
                    ChannelOrder closed = order.closed(now, landing.isPresent(), landsAt);
                    write(slot, counters, closed);
                    return new CloseOutcome(closed, true);
                }
            }
        });
    }

    /** The payment of a leaky closed order lands by itself (scheduled at close). */
    public Optional<PayOutcome> land(String merchantRef) {
        return locked(merchantRef, slot -> {
            ChannelOrder order = slot.order;
            if (order == null || order.status() != OrderStatus.CLOSED || !order.leaky() || order.isFence()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            ChannelOrder paid = take(order, now);
            write(slot, slot.counters.charge(), paid);
            LOG.info(() -> channel + " " + merchantRef + ": the payer's payment landed after the order was closed");
            return Optional.of(new PayOutcome(PayEffect.LANDED, paid,
                    List.of(raise(slot, CallbackEvent.payment(eventId(), paid, slot.lastSeq + 1, now)))));
        });
    }

    // ---------------------------------------------------------------- refund

    /**
     * A refund request.
     *
     * @param delayMs 0 to refund at once (SUCCEEDED), else accept as PROCESSING and complete later
     */
    public record RefundAttempt(String merchantRef, String refundRef, Money money, String reason, long delayMs) {
        public RefundAttempt {
            PayAttempt.requireReference(merchantRef, "merchantRef");
            PayAttempt.requireReference(refundRef, "refundRef");
            Objects.requireNonNull(money, "money");
            if (reason != null && reason.length() > PayAttempt.MAX_SUBJECT) {
                throw new ChannelException(ChannelError.INVALID_REQUEST, "reason must be at most "
                        + PayAttempt.MAX_SUBJECT + " characters");
            }
        }
    }

    public record RefundOutcome(boolean duplicate, Refund refund, OrderSnapshot snapshot, List<CallbackEvent> events) {
    }

    /**
     * Refunds part or all of a paid order. Idempotent by refund reference: the same reference and
     * amount answers the first refund; never more than was captured in total, counting refunds
     * still processing.
     */
    public RefundOutcome refund(RefundAttempt attempt) {
        return locked(attempt.merchantRef(), slot -> {
            Instant now = clock.instant();
            Counters counters = slot.counters.refundRequest();
            ChannelOrder order = slot.order;
            Refund previous = slot.refunds.get(attempt.refundRef());
            if (previous != null) {
                write(slot, counters, order);
                if (!previous.money().equals(attempt.money())) {
                    throw new ChannelException(ChannelError.REFUND_REF_REUSED, "refundRef " + attempt.refundRef()
                            + " was already used for " + previous.money());
                }
                return new RefundOutcome(true, previous, snapshot(slot), List.of());
            }
            String owner = refByRefundRef.get(attempt.refundRef());
            ChannelException refusal = null;
            if (owner != null) {
                refusal = new ChannelException(ChannelError.REFUND_REF_REUSED, "refundRef " + attempt.refundRef()
                        + " was already used for another payment");
            } else if (order == null) {
                refusal = new ChannelException(ChannelError.ORDER_NOT_FOUND,
                        "no payment with merchantRef " + attempt.merchantRef());
            } else if (order.status() != OrderStatus.PAID) {
                refusal = new ChannelException(ChannelError.ORDER_NOT_PAID,
                        "merchantRef " + attempt.merchantRef() + " is " + order.status() + ", not PAID");
            } else if (!order.money().currency().equals(attempt.money().currency())) {
                refusal = new ChannelException(ChannelError.CURRENCY_MISMATCH,
                        "the payment was in " + order.money().currency());
            } else {
                long refundable = snapshot(slot).refundableAmount();
                if (attempt.money().amount() > refundable) {
                    refusal = new ChannelException(ChannelError.REFUND_EXCEEDS_CAPTURED, "only " + refundable + " "
                            + order.money().currency() + " of " + order.money() + " can still be refunded",
                            Map.of("refundable", refundable));
                }
            }
            if (refusal != null) {
                write(slot, counters, order);
                throw refusal;
            }
            if (refByRefundRef.putIfAbsent(attempt.refundRef(), attempt.merchantRef()) != null) {
                write(slot, counters, order);
                throw new ChannelException(ChannelError.REFUND_REF_REUSED, "refundRef " + attempt.refundRef()
                        + " was already used for another payment");
            }
            Refund refund = attempt.delayMs() <= 0
                    ? new Refund(attempt.refundRef(), channel.prefix() + "r_" + randomIds.get(), attempt.merchantRef(),
                    order.transactionId(), attempt.money(), attempt.reason(), RefundStatus.SUCCEEDED, now, now, null)
                    : new Refund(attempt.refundRef(), channel.prefix() + "r_" + randomIds.get(), attempt.merchantRef(),
                    order.transactionId(), attempt.money(), attempt.reason(), RefundStatus.PROCESSING, now, null,
                    now.plusMillis(attempt.delayMs()));
            try {
                write(slot, counters, order);
                writeRefund(slot, refund);
            } catch (RuntimeException e) {
                refByRefundRef.remove(attempt.refundRef(), attempt.merchantRef());
                throw e;
            }
            List<CallbackEvent> events = refund.status() == RefundStatus.SUCCEEDED
                    ? List.of(raise(slot, CallbackEvent.refund(eventId(), order, refund, slot.lastSeq + 1, now)))
                    : List.of();
            return new RefundOutcome(false, refund, snapshot(slot), events);
        });
    }

    /** Completes a PROCESSING refund (the channel's asynchronous part); empty if there is none to complete. */
    public Optional<RefundOutcome> completeRefund(String refundRef) {
        String ref = refByRefundRef.get(refundRef);
        if (ref == null) {
            return Optional.empty();
        }
        return locked(ref, slot -> {
            Refund refund = slot.refunds.get(refundRef);
            if (refund == null || refund.status() != RefundStatus.PROCESSING) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Refund done = refund.succeeded(now);
            writeRefund(slot, done);
            CallbackEvent event = raise(slot, CallbackEvent.refund(eventId(), slot.order, done, slot.lastSeq + 1, now));
            return Optional.of(new RefundOutcome(false, done, snapshot(slot), List.of(event)));
        });
    }

    public Optional<Refund> findRefund(String refundRef) {
        String ref = refundRef == null ? null : refByRefundRef.get(refundRef);
        if (ref == null) {
            return Optional.empty();
        }
        Slot slot = slots.get(ref);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(slot.refunds.get(refundRef));
        }
    }

    // ---------------------------------------------------------------- events

    /** Changes an event's delivery record (the content never changes); empty if it is gone (records cleared). */
    public Optional<CallbackEvent> updateEvent(String eventId, UnaryOperator<CallbackEvent> change) {
        String ref = refByEvent.get(eventId);
        if (ref == null) {
            return Optional.empty();
        }
        return locked(ref, slot -> {
            CallbackEvent event = slot.events.get(eventId);
            if (event == null) {
                return Optional.empty();
            }
            CallbackEvent next = change.apply(event);
            if (!next.eventId().equals(eventId) || next.seq() != event.seq()) {
                throw new IllegalArgumentException("an update may change the delivery, not the event");
            }
            log.append(new LedgerLine.EventLine(next));
            slot.events.put(eventId, next);
            return Optional.of(next);
        });
    }

    public Optional<CallbackEvent> findEvent(String eventId) {
        String ref = refByEvent.get(eventId);
        Slot slot = ref == null ? null : slots.get(ref);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(slot.events.get(eventId));
        }
    }

    /** A reference's events in the order they were raised. */
    public List<CallbackEvent> events(String merchantRef) {
        Slot slot = slots.get(merchantRef);
        if (slot == null) {
            return List.of();
        }
        synchronized (slot) {
            return slot.events.values().stream().sorted(Comparator.comparingLong(CallbackEvent::seq)).toList();
        }
    }

    /** Every event still waiting for an acknowledgement, oldest first (to resume after a restart). */
    public List<CallbackEvent> openEvents() {
        List<CallbackEvent> open = new ArrayList<>();
        forEachSlot(slot -> slot.events.values().stream().filter(e -> e.state().isOpen()).forEach(open::add));
        open.sort(Comparator.comparing(CallbackEvent::occurredAt).thenComparingLong(CallbackEvent::seq));
        return open;
    }

    /** Refunds still PROCESSING (to resume after a restart). */
    public List<Refund> processingRefunds() {
        List<Refund> open = new ArrayList<>();
        forEachSlot(slot -> slot.refunds.values().stream().filter(r -> r.status() == RefundStatus.PROCESSING)
                .forEach(open::add));
        return open;
    }

    /** Closed orders whose payment is still to land (to resume after a restart). */
    public List<ChannelOrder> pendingLandings() {
        List<ChannelOrder> open = new ArrayList<>();
        forEachSlot(slot -> {
            if (slot.order != null && slot.order.status() == OrderStatus.CLOSED && slot.order.landsAt() != null) {
                open.add(slot.order);
            }
        });
        return open;
    }

    // ---------------------------------------------------------------- queries

    public Optional<OrderSnapshot> find(String merchantRef) {
        Slot slot = merchantRef == null ? null : slots.get(merchantRef);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return slot.order == null ? Optional.empty() : Optional.of(snapshot(slot));
        }
    }

    public Optional<OrderSnapshot> findByTransaction(String transactionId) {
        String ref = transactionId == null ? null : refByTransaction.get(transactionId);
        return ref == null ? Optional.empty() : find(ref);
    }

    /** The merchant reference behind a channel transaction id. */
    public Optional<String> refOf(String transactionId) {
        return Optional.ofNullable(transactionId == null ? null : refByTransaction.get(transactionId));
    }

    public RefRecord record(String merchantRef) {
        Slot slot = merchantRef == null ? null : slots.get(merchantRef);
        if (slot == null) {
            return new RefRecord(merchantRef, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        synchronized (slot) {
            return recordOf(merchantRef, slot);
        }
    }

    public LedgerTotals totals() {
        long[] t = new long[10];
        slots.forEach((ref, slot) -> {
            RefRecord r;
            long open;
            synchronized (slot) {
                r = recordOf(ref, slot);
                open = slot.events.values().stream().filter(e -> e.state().isOpen()).count();
            }
            t[0]++;
            t[1] += r.payRequests();
            t[2] += r.charges();
            t[3] += r.charges() > 1 ? 1 : 0;
            t[4] += r.refundsTaken();
            t[5] += r.refundedAmount();
            t[6] += r.callbackEvents();
            t[7] += r.callbacksAcknowledged();
            t[8] += r.callbacksLost();
            t[9] += open;
        });
        return new LedgerTotals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9]);
    }

    /**
     * The money movements of one UTC day, oldest first: each payment when its money was taken,
     * each refund when its money went back.
     */
    public List<StatementLine> movements(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<StatementLine> lines = new ArrayList<>();
        forEachSlot(slot -> {
            ChannelOrder o = slot.order;
            if (o != null && o.paidAt() != null && within(o.paidAt(), from, to)) {
                lines.add(new StatementLine(o.transactionId(), o.merchantRef(), StatementLine.PAYMENT,
                        o.money().amount(), o.money().currency(), o.fee(), o.paidAt(), null, null));
            }
            for (Refund r : slot.refunds.values()) {
                if (r.completedAt() != null && within(r.completedAt(), from, to)) {
                    lines.add(new StatementLine(r.transactionId(), r.merchantRef(), StatementLine.REFUND,
                            r.money().amount(), r.money().currency(), 0, r.completedAt(), r.refundRef(),
                            r.refundId()));
                }
            }
        });
        lines.sort(StatementLine.ORDER);
        return lines;
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    // ---------------------------------------------------------------- side records

    /** A channel's own record (quick pay's binds and agreements), or empty. */
    public Optional<Map<String, Object>> side(String kind, String key) {
        Map<String, Map<String, Object>> byKey = sides.get(kind);
        return Optional.ofNullable(byKey == null ? null : byKey.get(key));
    }

    /** Writes a channel's own record; the caller serialises changes to one key. */
    public void putSide(String kind, String key, Map<String, Object> fields) {
        whileOpen(() -> {
            LedgerLine.SideLine line = new LedgerLine.SideLine(kind, key, fields);
            log.append(line);
            sides.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).put(key, line.fields());
            return null;
        });
    }

    // ---------------------------------------------------------------- maintenance

    /** Forgets everything, in memory and in the log (an operator's reset of the records). */
    public void clear() {
        Lock exclusive = clearing.writeLock();
        exclusive.lock();
        try {
            log.clear();
            slots.clear();
            refByTransaction.clear();
            refByToken.clear();
            refByRefundRef.clear();
            refByEvent.clear();
            sides.clear();
        } finally {
            exclusive.unlock();
        }
        LOG.info(() -> channel + " records cleared");
    }

    // ---------------------------------------------------------------- internals

    /** The order paid now: the money {@link #capture} says is taken, and the fee on that money. */
    private ChannelOrder take(ChannelOrder order, Instant now) {
        Money taken = capture.take(order.merchantRef(), order.money());
        return order.paid(now, taken, fees.applyAsLong(taken));
    }

    private String eventId() {
        return channel.prefix() + "e_" + randomIds.get();
    }

    private OrderSnapshot snapshot(Slot slot) {
        return new OrderSnapshot(slot.order, new ArrayList<>(slot.refunds.values()));
    }

    private static RefRecord recordOf(String ref, Slot slot) {
        long refundsTaken = 0;
        long refunded = 0;
        for (Refund r : slot.refunds.values()) {
            if (r.status() == RefundStatus.SUCCEEDED) {
                refundsTaken++;
                refunded += r.money().amount();
            }
        }
        long sent = 0;
        long acks = 0;
        long lost = 0;
        for (CallbackEvent e : slot.events.values()) {
            sent += e.attempts();
            acks += e.acks();
            lost += e.state() == DeliveryState.LOST ? 1 : 0;
        }
        Counters c = slot.counters;
        ChannelOrder o = slot.order;
        return new RefRecord(ref, o == null ? null : o.status(), o == null ? null : o.transactionId(),
                c.payRequests(), c.charges(), c.closeRequests(), c.refundRequests(), refundsTaken, refunded,
                slot.events.size(), sent, acks, lost);
    }

    /** Writes the reference's line, then takes it into memory. */
    private void write(Slot slot, Counters counters, ChannelOrder order) {
        log.append(new LedgerLine.RefLine(slot.ref, counters, order));
        install(slot, counters, order);
    }

    private void install(Slot slot, Counters counters, ChannelOrder order) {
        slot.counters = counters;
        slot.order = order;
        if (order != null) {
            refByTransaction.put(order.transactionId(), slot.ref);
            if (order.payerToken() != null) {
                refByToken.put(order.payerToken(), slot.ref);
            }
        }
    }

    private void writeRefund(Slot slot, Refund refund) {
        log.append(new LedgerLine.RefundLine(refund));
        slot.refunds.put(refund.refundRef(), refund);
        refByRefundRef.put(refund.refundRef(), slot.ref);
    }

    /** Writes a new event (after the change it reports) and takes it into memory. */
    private CallbackEvent raise(Slot slot, CallbackEvent event) {
        log.append(new LedgerLine.EventLine(event));
        slot.events.put(event.eventId(), event);
        slot.lastSeq = Math.max(slot.lastSeq, event.seq());
        refByEvent.put(event.eventId(), slot.ref);
        return event;
    }

    /** Applies a line read back from the log, without writing it again. */
    private void restore(LedgerLine line) {
        if (line instanceof LedgerLine.RefLine r) {
            Slot slot = slots.computeIfAbsent(r.merchantRef(), Slot::new);
            install(slot, r.counters(), r.order());
        } else if (line instanceof LedgerLine.RefundLine r) {
            Slot slot = slots.computeIfAbsent(r.refund().merchantRef(), Slot::new);
            slot.refunds.put(r.refund().refundRef(), r.refund());
            refByRefundRef.put(r.refund().refundRef(), slot.ref);
        } else if (line instanceof LedgerLine.EventLine e) {
            Slot slot = slots.computeIfAbsent(e.event().merchantRef(), Slot::new);
            slot.events.put(e.event().eventId(), e.event());
            slot.lastSeq = Math.max(slot.lastSeq, e.event().seq());
            refByEvent.put(e.event().eventId(), slot.ref);
        } else if (line instanceof LedgerLine.SideLine s) {
            sides.computeIfAbsent(s.kind(), k -> new ConcurrentHashMap<>()).put(s.key(), s.fields());
        }
    }

    /** After replay: a final status or a finished refund whose event line was lost to a crash gets its event. */
    private void raiseMissingEvents() {
        Instant now = clock.instant();
        slots.values().forEach(slot -> {
            ChannelOrder o = slot.order;
            if (o != null && o.status() != OrderStatus.CLOSED && slot.events.values().stream()
                    .noneMatch(e -> e.kind() == EventKind.PAYMENT && e.status().equals(o.status().name()))) {
                raise(slot, CallbackEvent.payment(eventId(), o, slot.lastSeq + 1, now));
                LOG.warning(() -> channel + " " + slot.ref + ": raised the " + o.status() + " callback a crash lost");
            }
            for (Refund r : slot.refunds.values()) {
                if (r.status() == RefundStatus.SUCCEEDED && slot.events.values().stream()
                        .noneMatch(e -> e.kind() == EventKind.REFUND && r.refundRef().equals(e.refundRef()))) {
                    raise(slot, CallbackEvent.refund(eventId(), o, r, slot.lastSeq + 1, now));
                }
            }
        });
    }

    private void forEachSlot(java.util.function.Consumer<Slot> action) {
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                action.accept(slot);
            }
        }
    }

    private <T> T locked(String merchantRef, java.util.function.Function<Slot, T> work) {
        return whileOpen(() -> {
            Slot slot = slots.computeIfAbsent(merchantRef, Slot::new);
            synchronized (slot) {
                return work.apply(slot);
            }
        });
    }

    private <T> T whileOpen(Supplier<T> work) {
        Lock shared = clearing.readLock();
        shared.lock();
        try {
            return work.get();
        } finally {
            shared.unlock();
        }
    }

    /** One reference's state; guarded by its own monitor. */
    private static final class Slot {
        private final String ref;
        private Counters counters = Counters.ZERO;
        private ChannelOrder order;
        private final Map<String, Refund> refunds = new LinkedHashMap<>();
        private final Map<String, CallbackEvent> events = new LinkedHashMap<>();
        private long lastSeq;

        Slot(String ref) {
            this.ref = ref;
        }
    }
}
