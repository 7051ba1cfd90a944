package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
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
import org.junit.jupiter.api.Test;

class ChargeBookRefundTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC);

    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger refundIds = new AtomicInteger();
    private final ChargeBookTest.RecordingLog log = new ChargeBookTest.RecordingLog();
    private final ChargeBook book = open(log);

    @Test
    void aRefundOfAnApprovedPaymentGivesMoneyBack() {
        book.submit(pay("pay_1", 1000));

        RefundSubmission submission = book.refund(refund("pay_1", "rfd_1", 300));

        assertThat(submission.effect()).isEqualTo(Effect.DECIDED);
        assertThat(submission.result()).isEqualTo(new RefundResult("rfd_1", "pay_1", "sr_1", RefundStatus.REFUNDED,
                300, "USD", null));
        assertThat(submission.result().message()).isNull();
        assertThat(book.findRefund("rfd_1")).contains(submission.result());
        // a refund is no pay request: requests and charges stay as they were
        assertThat(book.tally("pay_1")).isEqualTo(new RefTally("pay_1", 1, 1, PaymentStatus.APPROVED, 1, 300));
        assertThat(book.totals()).isEqualTo(new BookTotals(1, 1, 1, 1));
        assertThat(log.refunds).extracting(RefundEntry::result).containsExactly(submission.result());
    }

    @Test
    void partialRefundsMaySumToTheChargeAndNoFurther() {
        book.submit(pay("pay_1", 1000));

        assertThat(book.refund(refund("pay_1", "rfd_1", 300)).result().status()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(book.refund(refund("pay_1", "rfd_2", 300)).result().status()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(book.refund(refund("pay_1", "rfd_3", 400)).result().status()).isEqualTo(RefundStatus.REFUNDED);
        RefundResult oneMore = book.refund(refund("pay_1", "rfd_4", 1)).result();

        assertThat(oneMore.status()).isEqualTo(RefundStatus.REJECTED);
        assertThat(oneMore.reasonCode()).isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
        assertThat(book.tally("pay_1")).isEqualTo(new RefTally("pay_1", 1, 1, PaymentStatus.APPROVED, 3, 1000));
    }

    @Test
    void aRefundBeyondWhatIsLeftIsRejectedAndTakesNothing() {
        book.submit(pay("pay_1", 1000));
        book.refund(refund("pay_1", "rfd_1", 600));

        RefundSubmission over = book.refund(refund("pay_1", "rfd_2", 401));

        assertThat(over.effect()).isEqualTo(Effect.DECIDED);
        assertThat(over.result().status()).isEqualTo(RefundStatus.REJECTED);
        assertThat(over.result().reasonCode()).isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
        assertThat(over.result().message()).isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED.message());
        assertThat(over.result().refundId()).isEqualTo("sr_2");
        assertThat(book.tally("pay_1").refunded()).isEqualTo(600);
        // what is left can still be refunded
        assertThat(book.refund(refund("pay_1", "rfd_3", 400)).result().refunded()).isTrue();
        assertThat(book.tally("pay_1").refunded()).isEqualTo(1000);
    }

    @Test
    void aRefundOfMoreThanTheWholeChargeIsRejected() {
        book.submit(pay("pay_1", 1000));

        assertThat(book.refund(refund("pay_1", "rfd_1", 1001)).result().reasonCode())
                .isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
        assertThat(book.refund(refund("pay_1", "rfd_2", Long.MAX_VALUE)).result().reasonCode())
                .isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
        assertThat(book.tally("pay_1").refunds()).isZero();
    }

    @Test
    void nothingChargedMeansNothingToRefund() {
        book.submit(pay("pay_declined", 1013));
        book.countUndecided("pay_failed", Effect.INJECTED_FAILURE);

        for (String ref : List.of("pay_never", "pay_declined", "pay_failed")) {
            RefundResult result = book.refund(refund(ref, "rfd_" + ref, 100)).result();
            assertThat(result.status()).as(ref).isEqualTo(RefundStatus.REJECTED);
            assertThat(result.reasonCode()).as(ref).isEqualTo(RefundRejectCode.NOT_CHARGED);
            assertThat(book.findRefund("rfd_" + ref)).as(ref).contains(result);
        }
        // a refund of an unknown payment does not make the bank know the payment
        assertThat(book.tally("pay_never")).isEqualTo(new RefTally("pay_never", 0, 0, null));
        assertThat(book.find("pay_never")).isEmpty();
        assertThat(book.totals()).isEqualTo(new BookTotals(2, 0, 2, 0));
    }

    @Test
    void anotherCurrencyIsRejected() {
        book.submit(pay("pay_1", 1000));

        RefundResult result = book.refund(new RefundRequest("pay_1", "rfd_1", 100, "EUR")).result();

        assertThat(result.reasonCode()).isEqualTo(RefundRejectCode.CURRENCY_MISMATCH);
        assertThat(result.currency()).isEqualTo("EUR");
        assertThat(book.tally("pay_1").refunds()).isZero();
    }

    @Test
    void aRetryGetsTheFirstAnswerAndRefundsNothingMore() {
        book.submit(pay("pay_1", 1000));
        RefundResult first = book.refund(refund("pay_1", "rfd_1", 300)).result();

        RefundSubmission retry = book.refund(refund("pay_1", "rfd_1", 300));

        assertThat(retry.effect()).isEqualTo(Effect.DUPLICATE);
        assertThat(retry.result()).isEqualTo(first);
        assertThat(book.tally("pay_1").refunds()).isEqualTo(1);
        assertThat(book.tally("pay_1").refunded()).isEqualTo(300);
        assertThat(log.refunds).hasSize(1);
    }

    @Test
    void aRetryOfARejectionIsTheSameRejectionEvenIfItWouldNowSucceed() {
        RefundResult first = book.refund(refund("pay_1", "rfd_1", 300)).result();
        book.submit(pay("pay_1", 1000));

        RefundSubmission retry = book.refund(refund("pay_1", "rfd_1", 300));

        assertThat(first.reasonCode()).isEqualTo(RefundRejectCode.NOT_CHARGED);
        assertThat(retry.effect()).isEqualTo(Effect.DUPLICATE);
        assertThat(retry.result()).isEqualTo(first);
        assertThat(book.tally("pay_1").refunds()).isZero();
    }

    @Test
    void aRefundRefReusedWithOtherValuesIsRefused() {
        book.submit(pay("pay_1", 1000));
        book.submit(pay("pay_2", 1000));
        RefundResult first = book.refund(refund("pay_1", "rfd_1", 300)).result();

        List<RefundRequest> others = List.of(refund("pay_1", "rfd_1", 301), refund("pay_2", "rfd_1", 300),
                new RefundRequest("pay_1", "rfd_1", 300, "EUR"));
        for (RefundRequest other : others) {
            RefundSubmission reused = book.refund(other);
            assertThat(reused.effect()).as(other.toString()).isEqualTo(Effect.REF_REUSED);
            assertThat(reused.result()).as(other.toString()).isEqualTo(first);
        }
        assertThat(book.tally("pay_1").refunded()).isEqualTo(300);
        assertThat(book.tally("pay_2").refunded()).isZero();
        assertThat(log.refunds).hasSize(1);
    }

    @Test
    void anUnknownRefundRefHasNothing() {
        assertThat(book.findRefund("rfd_x")).isEmpty();
    }

    @Test
    void aFailedLogWriteRefundsNothing() {
        book.submit(pay("pay_1", 1000));
        log.failing = true;

        assertThatThrownBy(() -> book.refund(refund("pay_1", "rfd_1", 300))).isInstanceOf(UncheckedIOException.class);

        log.failing = false;
        assertThat(book.findRefund("rfd_1")).isEmpty();
        assertThat(book.tally("pay_1").refunded()).isZero();
        assertThat(book.refund(refund("pay_1", "rfd_1", 300)).effect()).isEqualTo(Effect.DECIDED);
    }

    @Test
    void clearForgetsRefunds() {
        book.submit(pay("pay_1", 1000));
        book.refund(refund("pay_1", "rfd_1", 1000));

        book.clear();

        assertThat(book.findRefund("rfd_1")).isEmpty();
        assertThat(book.totals()).isEqualTo(new BookTotals(0, 0, 0, 0));
        book.submit(pay("pay_1", 1000));
        assertThat(book.refund(refund("pay_1", "rfd_1", 1000)).result().refunded()).isTrue();
    }

    @Test
    void replayRebuildsRefunds() {
        book.submit(pay("pay_1", 1000));
        RefundResult refunded = book.refund(refund("pay_1", "rfd_1", 700)).result();
        RefundResult rejected = book.refund(refund("pay_1", "rfd_2", 400)).result();
        RefundResult notCharged = book.refund(refund("pay_9", "rfd_3", 100)).result();

        ChargeBook restarted = open(log);

        assertThat(restarted.totals()).isEqualTo(book.totals()).isEqualTo(new BookTotals(1, 1, 1, 1));
        assertThat(restarted.tally("pay_1")).isEqualTo(new RefTally("pay_1", 1, 1, PaymentStatus.APPROVED, 1, 700));
        assertThat(restarted.findRefund("rfd_1")).contains(refunded);
        assertThat(restarted.findRefund("rfd_2")).contains(rejected);
        assertThat(restarted.findRefund("rfd_3")).contains(notCharged);
        assertThat(restarted.refund(refund("pay_1", "rfd_1", 700)).effect()).isEqualTo(Effect.DUPLICATE);
        assertThat(restarted.refund(refund("pay_1", "rfd_2", 400)).result()).isEqualTo(rejected);
        // what was refunded before the restart still counts against the charge
        assertThat(restarted.refund(refund("pay_1", "rfd_4", 301)).result().reasonCode())
                .isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
        assertThat(restarted.refund(refund("pay_1", "rfd_5", 300)).result().refunded()).isTrue();
    }

    @Test
    void concurrentRefundsOfOnePaymentNeverExceedTheCharge() throws Exception {
        book.submit(pay("pay_hot", 1000));
        int threads = 16;
        int perThread = 50;
        List<Submissions> outcomes = runConcurrently(threads, t -> {
            List<RefundSubmission> seen = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                // 7 does not divide 1000: the last 6 cents can never be refunded by these
                seen.add(book.refund(refund("pay_hot", "rfd_" + t + "_" + i, 7)));
            }
            return new Submissions(seen);
        });

        List<RefundResult> refunded = outcomes.stream().flatMap(s -> s.all().stream()).map(RefundSubmission::result)
                .filter(RefundResult::refunded).toList();
        long sum = refunded.stream().mapToLong(RefundResult::amount).sum();
        assertThat(sum).isEqualTo(994);
        assertThat(refunded).hasSize(142);
        assertThat(book.tally("pay_hot")).isEqualTo(new RefTally("pay_hot", 1, 1, PaymentStatus.APPROVED, 142, 994));
        assertThat(log.refunds).hasSize(threads * perThread);
        assertThat(log.refunds.stream().filter(e -> e.result().refunded()).mapToLong(e -> e.result().amount()).sum())
                .isEqualTo(994);
        Set<String> refundIdsSeen = new HashSet<>();
        log.refunds.forEach(e -> refundIdsSeen.add(e.result().refundId()));
        assertThat(refundIdsSeen).hasSize(threads * perThread);
    }

    @Test
    void concurrentRefundsOfMixedSizesNeverExceedTheCharge() throws Exception {
        book.submit(pay("pay_hot", 100_000));
        int threads = 12;
        runConcurrently(threads, t -> {
            for (int i = 0; i < 200; i++) {
                book.refund(refund("pay_hot", "rfd_" + t + "_" + i, 1 + (t * 37L + i * 11L) % 900));
            }
            return new Submissions(List.of());
        });

        long refunded = book.tally("pay_hot").refunded();
        long logged = log.refunds.stream().filter(e -> e.result().refunded()).mapToLong(e -> e.result().amount()).sum();
        assertThat(refunded).isEqualTo(logged).isLessThanOrEqualTo(100_000);
        assertThat(open(log).tally("pay_hot").refunded()).isEqualTo(refunded);
    }

    @Test
    void concurrentRetriesOfOneRefundRefDecideOnce() throws Exception {
        book.submit(pay("pay_1", 1000));
        book.submit(pay("pay_2", 1000));
        int threads = 16;
        List<Submissions> outcomes = runConcurrently(threads, t -> {
            List<RefundSubmission> seen = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                // half of the threads name another payment: still one decision for the refundRef
                seen.add(book.refund(refund(t % 2 == 0 ? "pay_1" : "pay_2", "rfd_hot", 600)));
            }
            return new Submissions(seen);
        });

        List<RefundSubmission> all = outcomes.stream().flatMap(s -> s.all().stream()).toList();
        assertThat(all.stream().filter(s -> s.effect() == Effect.DECIDED)).hasSize(1);
        assertThat(all.stream().map(s -> s.result().refundId()).distinct()).hasSize(1);
        assertThat(book.tally("pay_1").refunded() + book.tally("pay_2").refunded()).isEqualTo(600);
        assertThat(log.refunds).hasSize(1);
    }

    private List<Submissions> runConcurrently(int threads, ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Submissions>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Submissions> client = () -> {
                    start.await();
                    return work.run(thread);
                };
                futures.add(pool.submit(client));
            }
            start.countDown();
            List<Submissions> all = new ArrayList<>();
            for (Future<Submissions> future : futures) {
                all.add(future.get(30, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private ChargeBook open(ChargeLog chargeLog) {
        return ChargeBook.open(chargeLog, CLOCK, () -> "sb_" + ids.incrementAndGet(),
                () -> "sr_" + refundIds.incrementAndGet());
    }

    private static PaymentRequest pay(String ref, long amount) {
        return new PaymentRequest(ref, amount, "USD", "test", "BANK_CARD");
    }

    private static RefundRequest refund(String merchantRef, String refundRef, long amount) {
        return new RefundRequest(merchantRef, refundRef, amount, "USD");
    }

    private interface ThreadWork {
        Submissions run(int thread) throws Exception;
    }

    private record Submissions(List<RefundSubmission> all) {
    }
}
