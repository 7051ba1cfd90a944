package io.payrail.simulator.bank;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The bank's record of every merchant reference: how often it was asked, what it decided, what it
 * charged. The decision on a reference is made once, under that reference's own lock, so any
 * number of concurrent requests for it charge at most once; requests for different references do
 * not wait for each other.
 *
 * <p>Each request is written to the {@link ChargeLog} before memory changes and before the caller
 * is answered (write-ahead): if the write fails the request fails and nothing is recorded, and
 * whatever a caller was told survives a restart.
 */
public final class ChargeBook {

    private static final Logger LOG = Logger.getLogger(ChargeBook.class.getName());

    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    /** Requests share it; {@link #clear()} takes it alone so that no request straddles a clear. */
    private final ReadWriteLock clearing = new ReentrantReadWriteLock();
    private final ChargeLog log;
    private final Clock clock;
    private final Supplier<String> transactionIds;

    private ChargeBook(ChargeLog log, Clock clock, Supplier<String> transactionIds) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transactionIds = Objects.requireNonNull(transactionIds, "transactionIds");
    }

    /** A book holding everything {@code log} already has, writing new requests to it. */
    public static ChargeBook open(ChargeLog log, Clock clock, Supplier<String> transactionIds) {
        ChargeBook book = new ChargeBook(log, clock, transactionIds);
        log.replay(book::restore);
        return book;
    }

    /** Decides on a new reference, or answers a retry with the first decision. */
    public Submission submit(PaymentRequest request) {
        return whileOpen(() -> {
            Account account = accounts.computeIfAbsent(request.merchantRef(), ref -> new Account());
            synchronized (account) {
                PaymentResult first = account.result;
                if (first == null) {
                    PaymentResult decided = PaymentResult.decide(request, transactionIds.get());
                    record(account, BookEntry.decided(clock.instant(), decided));
                    return new Submission(Effect.DECIDED, decided);
                }
                Effect effect = request.sameMoneyAs(first) ? Effect.DUPLICATE : Effect.REF_REUSED;
                record(account, BookEntry.undecided(clock.instant(), request.merchantRef(), effect));
                return new Submission(effect, first);
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

    public RefTally tally(String merchantRef) {
        Account account = accounts.get(merchantRef);
        if (account == null) {
            return RefTally.none(merchantRef);
        }
        synchronized (account) {
            return account.tally(merchantRef);
        }
    }

    /** Sums over all references; a request in flight may or may not be in it. */
    public BookTotals totals() {
        long requests = 0;
        long charges = 0;
        long refs = 0;
        for (Account account : accounts.values()) {
            synchronized (account) {
                requests += account.requests;
                charges += account.charges;
            }
            refs++;
        }
        return new BookTotals(requests, charges, refs);
    }

    /** Forgets every reference, in memory and in the log (an operator's reset). */
    public void clear() {
        Lock exclusive = clearing.writeLock();
        exclusive.lock();
        try {
            log.clear();
            accounts.clear();
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
            result = entry.result();
            if (result.charged()) {
                charges++;
            }
        }

        RefTally tally(String merchantRef) {
            return new RefTally(merchantRef, requests, charges, result == null ? null : result.status());
        }
    }
}
