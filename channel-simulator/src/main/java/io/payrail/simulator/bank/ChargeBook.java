package io.payrail.simulator.bank;

import io.payrail.simulator.channel.StatementLine;
import io.payrail.simulator.fault.MoneyOverride;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
import java.util.logging.Logger;

/**
 * The bank's record of every merchant reference: how often it was asked, what it decided, what it
 * charged and refunded. The decision on a reference is made once, under that reference's own lock,
 * so any number of concurrent requests for it charge at most once; requests for different
 * references do not wait for each other.
 *
 * <p>Refunds are decided once per refundRef, under the refundRef's own lock and, inside it, the
 * lock of the payment's reference (always in that order, and a payment never takes a refund's
 * lock, so the two cannot deadlock). Refunds of one payment are therefore decided one at a time
 * against what is left of it, and together never exceed the amount charged.
 *
 * <p>A reference that is not charged can be closed: the close is decided under the reference's
 * lock like a payment, so a close and a pay request racing for one reference end either with the
 * payment charged and the close refused, or with the reference closed and the payment refused;
 * never both. A closed reference is fenced for good: every later pay request is refused.
 *
 * <p>Each request is written to the {@link ChargeLog} before memory changes and before the caller
 * is answered (write-ahead): if the write fails the request fails and nothing is recorded, and
 * whatever a caller was told survives a restart.
 */
public final class ChargeBook {

    private static final Logger LOG = Logger.getLogger(ChargeBook.class.getName());

    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    /** Refund decisions by refundRef. */
    private final ConcurrentHashMap<String, RefundSlot> refunds = new ConcurrentHashMap<>();
    /** Requests share it; {@link #clear()} takes it alone so that no request straddles a clear. */
    private final ReadWriteLock clearing = new ReentrantReadWriteLock();
    private final ChargeLog log;
    private final Clock clock;
    private final Supplier<String> transactionIds;
    private final Supplier<String> refundIds;

    private ChargeBook(ChargeLog log, Clock clock, Supplier<String> transactionIds, Supplier<String> refundIds) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transactionIds = Objects.requireNonNull(transactionIds, "transactionIds");
        this.refundIds = Objects.requireNonNull(refundIds, "refundIds");
    }

    /** A book holding everything {@code log} already has, writing new requests to it. */
    public static ChargeBook open(ChargeLog log, Clock clock, Supplier<String> transactionIds,
                                  Supplier<String> refundIds) {
        ChargeBook book = new ChargeBook(log, clock, transactionIds, refundIds);
        log.replay(book::restore, book::restore, book::restore);
        return book;
    }

    /** As {@link #open(ChargeLog, Clock, Supplier, Supplier)}, with refund ids {@code sr_...}. */
    public static ChargeBook open(ChargeLog log, Clock clock, Supplier<String> transactionIds) {
        return open(log, clock, transactionIds, TransactionIds.withPrefix("sr"));
    }

    /**
     * Decides on a new reference, or answers a retry with the first decision; refuses a closed
     * reference ({@link Effect#ORDER_CLOSED}) whatever it was asked.
     */
    public Submission submit(PaymentRequest request) {
        return submit(request, null);
    }

    /**
     * As {@link #submit(PaymentRequest)}, but a new approval takes (and reports) the override's money
     * instead of the money asked: a bank that misbehaves on purpose.
     *
     * @param capture null to take what was asked
     */
    public Submission submit(PaymentRequest request, MoneyOverride capture) {
        return whileOpen(() -> {
            Account account = accounts.computeIfAbsent(request.merchantRef(), ref -> new Account());
            synchronized (account) {
                PaymentResult first = account.result;
                if (account.closed) {
                    record(account, BookEntry.undecided(clock.instant(), request.merchantRef(), Effect.ORDER_CLOSED));
                    return new Submission(Effect.ORDER_CLOSED, first);
                }
                if (first == null) {
                    PaymentResult decided = PaymentResult.decide(request, transactionIds.get(), capture);
                    record(account, BookEntry.decided(clock.instant(), decided));
                    if (decided.overridden()) {
                        LOG.info(() -> decided.merchantRef() + ": charged " + decided.amount() + " "
                                + decided.currency() + " instead of " + request.amount() + " " + request.currency()
                                + " (captureOverrides)");
                    }
                    return new Submission(Effect.DECIDED, decided);
                }
                Effect effect = request.sameMoneyAs(first) ? Effect.DUPLICATE : Effect.REF_REUSED;
                record(account, BookEntry.undecided(clock.instant(), request.merchantRef(), effect));
                return new Submission(effect, first);
            }
        });
    }

    /**
     * Decides on a new refundRef (refunded or rejected), or answers a retry with the first
     * decision. Only a decision is written to the log; a retry or a reused refundRef changes
     * nothing. A refund never counts as a pay request of its payment.
     */
    public RefundSubmission refund(RefundRequest request) {
        return refund(request, null);
    }

    /**
     * As {@link #refund(RefundRequest)}, but a refund that is made gives back (and reports) the
     * override's money instead of the money asked: a bank that misbehaves on purpose.
     *
     * @param giveBack null to give back what was asked
     */
    public RefundSubmission refund(RefundRequest request, MoneyOverride giveBack) {
        return whileOpen(() -> {
            RefundSlot slot = refunds.computeIfAbsent(request.refundRef(), ref -> new RefundSlot());
            synchronized (slot) {
                RefundResult first = slot.result;
                if (first != null) {
                    return new RefundSubmission(request.sameAs(first) ? Effect.DUPLICATE : Effect.REF_REUSED, first);
                }
                Account account = accounts.get(request.merchantRef());
                if (account == null) {
                    // no payment was ever asked for: rejected without creating a reference
                    return decideRefund(slot, null, request, null, 0, giveBack);
                }
                synchronized (account) {
                    return decideRefund(slot, account, request, account.result, account.refunded, giveBack);
                }
            }
        });
    }

    /**
     * Closes a reference that was not charged, so that no pay request can charge it any more (a
     * fence): a declined reference, or one the bank never decided on or never heard of. A charged
     * reference is not closed ({@link CloseOutcome#PAID}). Only a close that changes something is
     * written to the log; it is not a pay request and is not counted as one.
     */
    public CloseResult close(String merchantRef) {
        return whileOpen(() -> {
            Account account = accounts.computeIfAbsent(merchantRef, ref -> new Account());
            synchronized (account) {
                PaymentResult decision = account.result;
                if (decision != null && decision.charged()) {
                    return new CloseResult(merchantRef, CloseOutcome.PAID, decision);
                }
                if (account.closed) {
                    return new CloseResult(merchantRef, CloseOutcome.ALREADY_CLOSED, decision);
                }
                log.append(new CloseEntry(clock.instant(), merchantRef));
                account.closed = true;
                LOG.fine(() -> merchantRef + ": closed");
                return new CloseResult(merchantRef, CloseOutcome.CLOSED, decision);
            }
        });
    }

    /** Counts a request that was answered without a decision (an injected failure). */
    public void countUndecided(String merchantRef, Effect effect) {
        if (effect == Effect.DECIDED) {
            throw new IllegalArgumentException("a decided request goes through submit");
        }
        whileOpen(() -> {
            Account account = accounts.computeIfAbsent(merchantRef, ref -> new Account());
            synchronized (account) {
                record(account, BookEntry.undecided(clock.instant(), merchantRef, effect));
            }
            return null;
        });
    }

    public Optional<PaymentResult> find(String merchantRef) {
        Account account = accounts.get(merchantRef);
        if (account == null) {
            return Optional.empty();
        }
        synchronized (account) {
            return Optional.ofNullable(account.result);
        }
    }

    /**
     * What the merchant's status query answers: the decision and whether the reference is closed;
     * empty when there is neither (never seen, or only injected failures).
     */
    public Optional<PaymentState> state(String merchantRef) {
        Account account = accounts.get(merchantRef);
        if (account == null) {
            return Optional.empty();
        }
        synchronized (account) {
            if (account.result == null && !account.closed) {
                return Optional.empty();
            }
            return Optional.of(new PaymentState(merchantRef, account.result, account.closed));
        }
    }

    /** The decision on a refundRef, for the merchant's refund query. */
    public Optional<RefundResult> findRefund(String refundRef) {
        RefundSlot slot = refunds.get(refundRef);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(slot.result);
        }
    }

    public RefTally tally(String merchantRef) {
        Account account = accounts.get(merchantRef);
        if (account == null) {
            return RefTally.none(merchantRef);
        }
        synchronized (account) {
            return account.tally(merchantRef);
        }
    }

    /**
     * The money movements of one UTC day, oldest first (ties: payments before refunds, then by id):
     * each charge when it was decided, each refund given back when it was decided; {@code fee} prices
     * a charge (refunds return no fee).
     */
    public List<StatementLine> movements(LocalDate day, ToLongFunction<PaymentResult> fee) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<StatementLine> lines = new ArrayList<>();
        Map<String, String> transactionOf = new HashMap<>();
        accounts.forEach((ref, account) -> {
            synchronized (account) {
                PaymentResult charge = account.result;
                if (charge == null || !charge.charged()) {
                    return;
                }
                transactionOf.put(ref, charge.transactionId());
                if (within(account.decidedAt, from, to)) {
                    lines.add(new StatementLine(charge.transactionId(), ref, StatementLine.PAYMENT, charge.amount(),
                            charge.currency(), fee.applyAsLong(charge), account.decidedAt, null, null));
                }
            }
        });
        refunds.forEach((refundRef, slot) -> {
            synchronized (slot) {
                RefundResult refund = slot.result;
                if (refund != null && refund.refunded() && within(slot.decidedAt, from, to)) {
                    lines.add(new StatementLine(transactionOf.getOrDefault(refund.merchantRef(), ""),
                            refund.merchantRef(), StatementLine.REFUND, refund.amount(), refund.currency(), 0,
                            slot.decidedAt, refundRef, refund.refundId()));
                }
            }
        });
        lines.sort(StatementLine.ORDER);
        return lines;
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    /** Sums over all references; a request in flight may or may not be in it. */
    public BookTotals totals() {
        long requests = 0;
        long charges = 0;
        long refundsTaken = 0;
        long refs = 0;
        for (Account account : accounts.values()) {
            synchronized (account) {
                requests += account.requests;
                charges += account.charges;
                refundsTaken += account.refunds;
            }
            refs++;
        }
        return new BookTotals(requests, charges, refs, refundsTaken);
    }

    /** Forgets every reference and every refund, in memory and in the log (an operator's reset). */
    public void clear() {
        Lock exclusive = clearing.writeLock();
        exclusive.lock();
        try {
            log.clear();
            accounts.clear();
            refunds.clear();
        } finally {
            exclusive.unlock();
        }
        LOG.info("charge book cleared");
    }

    /** Applies an entry read back from the log, without writing it again. */
    private void restore(BookEntry entry) {
        Account account = accounts.computeIfAbsent(entry.merchantRef(), ref -> new Account());
        synchronized (account) {
            account.apply(entry);
        }
    }

    /** Applies a close read back from the log, without writing it again. */
    private void restore(CloseEntry entry) {
        Account account = accounts.computeIfAbsent(entry.merchantRef(), ref -> new Account());
        synchronized (account) {
            account.apply(entry);
        }
    }

    /** Applies a refund decision read back from the log, without writing it again. */
    private void restore(RefundEntry entry) {
        RefundResult result = entry.result();
        RefundSlot slot = refunds.computeIfAbsent(result.refundRef(), ref -> new RefundSlot());
        synchronized (slot) {
            if (slot.result != null) {
                // only a hand-edited or merged log can hold two decisions; the first one stands
                LOG.warning(() -> "refund " + result.refundRef() + ": second decision in the log ignored");
                return;
            }
            slot.result = result;
            slot.decidedAt = entry.at();
        }
        if (result.refunded()) {
            Account account = accounts.computeIfAbsent(result.merchantRef(), ref -> new Account());
            synchronized (account) {
                account.apply(result);
            }
        }
    }

    /** Called holding the slot's monitor and, when there is an account, the account's. */
    private RefundSubmission decideRefund(RefundSlot slot, Account account, RefundRequest request,
                                          PaymentResult payment, long refunded, MoneyOverride giveBack) {
        RefundResult decided = RefundResult.decide(request, refundIds.get(), payment, refunded, giveBack);
        RefundEntry entry = new RefundEntry(clock.instant(), decided);
        log.append(entry);
        slot.result = decided;
        slot.decidedAt = entry.at();
        if (account != null) {
            account.apply(decided);
        }
        LOG.fine(() -> decided.merchantRef() + ": refund " + decided.refundRef() + " " + decided.status()
                + (decided.reasonCode() == null ? "" : " " + decided.reasonCode()));
        if (decided.overridden()) {
            LOG.info(() -> decided.merchantRef() + ": refund " + decided.refundRef() + " gave back "
                    + decided.amount() + " " + decided.currency() + " instead of " + request.amount() + " "
                    + request.currency() + " (refundOverrides)");
        }
        return new RefundSubmission(Effect.DECIDED, decided);
    }

    private void record(Account account, BookEntry entry) {
        log.append(entry);
        account.apply(entry);
        LOG.fine(() -> entry.merchantRef() + ": " + entry.effect()
                + (entry.result() == null ? "" : " " + entry.result().status()));
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
    private static final class Account {
        private long requests;
        private long charges;
        private PaymentResult result;
        /** When the decision was made: a charge's time on the statement. */
        private Instant decidedAt;
        private long refunds;
        private long refunded;
        private boolean closed;

        void apply(BookEntry entry) {
            requests++;
            if (entry.effect() != Effect.DECIDED) {
                return;
            }
            if (result != null) {
                // only a hand-edited or merged log can hold two decisions; the first one stands
                LOG.warning(() -> entry.merchantRef() + ": second decision in the log ignored");
                return;
            }
            if (closed) {
                // only a hand-edited or merged log can decide after a close; the fence stands
                LOG.warning(() -> entry.merchantRef() + ": decision after the close in the log ignored");
                return;
            }
            result = entry.result();
            decidedAt = entry.at();
            if (result.charged()) {
                charges++;
            }
        }

        void apply(CloseEntry close) {
            if (result != null && result.charged()) {
                // only a hand-edited or merged log can close a charged reference; the charge stands
                LOG.warning(() -> close.merchantRef() + ": close of a charged reference in the log ignored");
                return;
            }
            closed = true;
        }

        void apply(RefundResult refund) {
            if (!refund.refunded()) {
                return;
            }
            refunds++;
            // money given back in another currency (refundOverrides) is not part of this payment's sum
            if (result == null || result.currency().equals(refund.currency())) {
                // an override may give back more than is left, even absurdly much: saturate, never wrap
                refunded = refund.amount() > Long.MAX_VALUE - refunded ? Long.MAX_VALUE : refunded + refund.amount();
            }
        }

        RefTally tally(String merchantRef) {
            return new RefTally(merchantRef, requests, charges, result == null ? null : result.status(),
                    refunds, refunded, closed);
        }
    }

    /** One refundRef's decision, null until made; guarded by its own monitor. */
    private static final class RefundSlot {
        private RefundResult result;
        /** When the decision was made: a refund's time on the statement. */
        private Instant decidedAt;
    }
}
