package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChargeBookTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC);

    private final AtomicInteger ids = new AtomicInteger();
    private final RecordingLog log = new RecordingLog();
    private final ChargeBook book = ChargeBook.open(log, CLOCK, () -> "sb_" + ids.incrementAndGet());

    @Test
    void firstRequestDecidesAndCharges() {
        Submission submission = book.submit(pay("pay_1", 1000));

        assertThat(submission.effect()).isEqualTo(Effect.DECIDED);
        assertThat(submission.result().status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(submission.result().transactionId()).isEqualTo("sb_1");
        assertThat(book.tally("pay_1")).isEqualTo(new RefTally("pay_1", 1, 1, PaymentStatus.APPROVED));
        assertThat(log.entries).hasSize(1);
    }

    @Test
    void aDeclineIsRecordedButNotCharged() {
        Submission submission = book.submit(pay("pay_1", 1013));

        assertThat(submission.result().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(submission.result().declineCode()).isEqualTo(DeclineCode.INSUFFICIENT_FUNDS);
        assertThat(book.tally("pay_1")).isEqualTo(new RefTally("pay_1", 1, 0, PaymentStatus.DECLINED));
    }

    @Test
    void aRetryGetsTheFirstResultAndIsNotChargedAgain() {
        PaymentResult first = book.submit(pay("pay_1", 1000)).result();

        Submission retry = book.submit(pay("pay_1", 1000));

        assertThat(retry.effect()).isEqualTo(Effect.DUPLICATE);
        assertThat(retry.result()).isEqualTo(first);
        assertThat(book.tally("pay_1")).isEqualTo(new RefTally("pay_1", 2, 1, PaymentStatus.APPROVED));
    }

    @Test
    void aRetryOfADeclineIsStillTheSameDecline() {
        PaymentResult first = book.submit(pay("pay_1", 1014)).result();

        assertThat(book.submit(pay("pay_1", 1014)).result()).isEqualTo(first);
        assertThat(book.tally("pay_1").charges()).isZero();
    }

    @Test
    void theSameReferenceWithOtherMoneyIsRefused() {
        book.submit(pay("pay_1", 1000));

        Submission otherAmount = book.submit(pay("pay_1", 2000));
        Submission otherCurrency = book.submit(new PaymentRequest("pay_1", 1000, "EUR", "s", "BANK_CARD"));

        assertThat(otherAmount.effect()).isEqualTo(Effect.REF_REUSED);
        assertThat(otherAmount.result().amount()).isEqualTo(1000);
        assertThat(otherCurrency.effect()).isEqualTo(Effect.REF_REUSED);
        assertThat(book.tally("pay_1")).isEqualTo(new RefTally("pay_1", 3, 1, PaymentStatus.APPROVED));
    }

    @Test
    void otherFieldsDoNotMakeARequestDifferent() {
        book.submit(new PaymentRequest("pay_1", 1000, "USD", "first", "BANK_CARD"));

        assertThat(book.submit(new PaymentRequest("pay_1", 1000, "USD", "second", "WALLET")).effect())
                .isEqualTo(Effect.DUPLICATE);
    }

    @Test
    void injectedFailuresAreCountedNotCharged() {
        book.countUndecided("pay_1", Effect.INJECTED_FAILURE);

        assertThat(book.tally("pay_1")).isEqualTo(new RefTally("pay_1", 1, 0, null));
        assertThat(book.find("pay_1")).isEmpty();
        assertThatThrownBy(() -> book.countUndecided("pay_1", Effect.DECIDED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownReferenceHasNothing() {
        assertThat(book.tally("pay_x")).isEqualTo(new RefTally("pay_x", 0, 0, null));
        assertThat(book.find("pay_x")).isEmpty();
    }

    @Test
    void totalsSumEveryReference() {
        book.submit(pay("pay_1", 1000));
        book.submit(pay("pay_1", 1000));
        book.submit(pay("pay_2", 1013));
        book.countUndecided("pay_3", Effect.INJECTED_FAILURE);

        assertThat(book.totals()).isEqualTo(new BookTotals(4, 1, 3));
    }

    @Test
    void aFailedLogWriteRecordsNothing() {
        log.failing = true;

        assertThatThrownBy(() -> book.submit(pay("pay_1", 1000))).isInstanceOf(UncheckedIOException.class);

        log.failing = false;
        assertThat(book.tally("pay_1").requests()).isZero();
        assertThat(book.submit(pay("pay_1", 1000)).effect()).isEqualTo(Effect.DECIDED);
    }

    @Test
    void clearForgetsEverything() {
        book.submit(pay("pay_1", 1000));

        book.clear();

        assertThat(book.totals()).isEqualTo(new BookTotals(0, 0, 0));
        assertThat(log.cleared).isTrue();
        assertThat(book.submit(pay("pay_1", 2000)).effect()).isEqualTo(Effect.DECIDED);
    }

    @Test
    void replayRebuildsDecisionsAndCounts() {
        book.submit(pay("pay_1", 1000));
        book.submit(pay("pay_1", 1000));
        book.submit(pay("pay_2", 1014));
        book.countUndecided("pay_3", Effect.INJECTED_FAILURE);

        ChargeBook restarted = ChargeBook.open(log, CLOCK, () -> "sb_new");

        assertThat(restarted.totals()).isEqualTo(book.totals());
        assertThat(restarted.tally("pay_1")).isEqualTo(book.tally("pay_1"));
        assertThat(restarted.find("pay_2")).isEqualTo(book.find("pay_2"));
        assertThat(restarted.submit(pay("pay_1", 1000)).effect()).isEqualTo(Effect.DUPLICATE);
    }

    @Test
    void concurrentRequestsForOneReferenceChargeOnce() throws Exception {
        int threads = 16;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Submission>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Callable<List<Submission>> client = () -> {
                    start.await();
                    List<Submission> seen = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seen.add(book.submit(pay("pay_hot", 1000)));
                    }
                    return seen;
                };
                futures.add(pool.submit(client));
            }
            start.countDown();
            List<Submission> all = new ArrayList<>();
            for (Future<List<Submission>> future : futures) {
                all.addAll(future.get(30, TimeUnit.SECONDS));
            }

            Set<String> transactionIds = new HashSet<>();
            all.forEach(s -> transactionIds.add(s.result().transactionId()));
            assertThat(all.stream().filter(s -> s.effect() == Effect.DECIDED)).hasSize(1);
            assertThat(transactionIds).hasSize(1);
            assertThat(book.tally("pay_hot"))
                    .isEqualTo(new RefTally("pay_hot", (long) threads * perThread, 1, PaymentStatus.APPROVED));
            assertThat(log.entries).hasSize(threads * perThread);
            assertThat(log.entries.stream().filter(e -> e.effect() == Effect.DECIDED)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRequestsForManyReferencesChargeEachOnce() throws Exception {
        int threads = 8;
        int refs = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < refs; r++) {
                        book.submit(pay("pay_" + r, 1000));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }

            assertThat(book.totals()).isEqualTo(new BookTotals((long) threads * refs, refs, refs));
        } finally {
            pool.shutdownNow();
        }
    }

    private static PaymentRequest pay(String ref, long amount) {
        return new PaymentRequest(ref, amount, "USD", "test", "BANK_CARD");
    }

    /** Keeps entries in memory, in the order written; can be told to fail like a full disk. */
    static final class RecordingLog implements ChargeLog {
        final List<BookEntry> entries = new ArrayList<>();
        final List<RefundEntry> refunds = new ArrayList<>();
        final List<CloseEntry> closes = new ArrayList<>();
        private final List<LogEntry> written = new ArrayList<>();
        volatile boolean failing;
        boolean cleared;

        @Override
        public void replay(Consumer<BookEntry> payments, Consumer<RefundEntry> refundSink,
                           Consumer<CloseEntry> closeSink) {
            List<LogEntry> copy;
            synchronized (this) {
                copy = List.copyOf(written);
            }
            for (LogEntry entry : copy) {
                if (entry instanceof RefundEntry refund) {
                    refundSink.accept(refund);
                } else if (entry instanceof CloseEntry close) {
                    closeSink.accept(close);
                } else {
                    payments.accept((BookEntry) entry);
                }
            }
        }

        @Override
        public synchronized void append(BookEntry entry) {
            if (failing) {
                throw new UncheckedIOException(new IOException("disk full"));
            }
            entries.add(entry);
            written.add(entry);
        }

        @Override
        public synchronized void append(RefundEntry entry) {
            if (failing) {
                throw new UncheckedIOException(new IOException("disk full"));
            }
            refunds.add(entry);
            written.add(entry);
        }

        @Override
        public synchronized void append(CloseEntry entry) {
            if (failing) {
                throw new UncheckedIOException(new IOException("disk full"));
            }
            closes.add(entry);
            written.add(entry);
        }

        @Override
        public synchronized void clear() {
            entries.clear();
            refunds.clear();
            closes.clear();
            written.clear();
            cleared = true;
        }
    }
}
