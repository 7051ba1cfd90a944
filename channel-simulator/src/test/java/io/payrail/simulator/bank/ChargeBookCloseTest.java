package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Close and the fence it puts up: a closed reference can never be charged. */
class ChargeBookCloseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC);

    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger refundIds = new AtomicInteger();
    private final ChargeBookTest.RecordingLog log = new ChargeBookTest.RecordingLog();
    private final ChargeBook book = open(log);

    @Test
    void closingAReferenceNeverSeenFencesIt() {
        CloseResult close = book.close("pay_X");

        assertThat(close).isEqualTo(new CloseResult("pay_X", CloseOutcome.CLOSED, null));
        assertThat(close.closed()).isTrue();
        assertThat(log.closes).containsExactly(new CloseEntry(CLOCK.instant(), "pay_X"));
        assertThat(book.state("pay_X")).contains(new PaymentState("pay_X", null, true));
        assertThat(book.find("pay_X")).isEmpty();
        // a close is no pay request
        assertThat(book.tally("pay_X")).isEqualTo(new RefTally("pay_X", 0, 0, null, 0, 0, true));

        Submission late = book.submit(pay("pay_X", 1000));

        assertThat(late.effect()).isEqualTo(Effect.ORDER_CLOSED);
        assertThat(late.result()).isNull();
        assertThat(book.find("pay_X")).isEmpty();
        assertThat(book.tally("pay_X")).isEqualTo(new RefTally("pay_X", 1, 0, null, 0, 0, true));
        assertThat(log.entries).containsExactly(BookEntry.undecided(CLOCK.instant(), "pay_X", Effect.ORDER_CLOSED));
        assertThat(book.totals()).isEqualTo(new BookTotals(1, 0, 1, 0));
    }

    @Test
    void closingADeclinedReferenceKeepsTheDeclineAndRefusesEveryLaterPayment() {
        PaymentResult declined = book.submit(pay("pay_D", 1013)).result();

        CloseResult close = book.close("pay_D");

        assertThat(close).isEqualTo(new CloseResult("pay_D", CloseOutcome.CLOSED, declined));
        assertThat(book.state("pay_D")).contains(new PaymentState("pay_D", declined, true));
        // neither a retry of the decline nor other money is decided again
        Submission retry = book.submit(pay("pay_D", 1013));
        Submission otherMoney = book.submit(pay("pay_D", 1000));
        assertThat(retry.effect()).isEqualTo(Effect.ORDER_CLOSED);
        assertThat(retry.result()).isEqualTo(declined);
        assertThat(otherMoney.effect()).isEqualTo(Effect.ORDER_CLOSED);
        assertThat(book.tally("pay_D")).isEqualTo(new RefTally("pay_D", 3, 0, PaymentStatus.DECLINED, 0, 0, true));
    }

    @Test
    void aChargedReferenceIsNotClosed() {
        PaymentResult approved = book.submit(pay("pay_A", 1000)).result();

        CloseResult close = book.close("pay_A");

        assertThat(close).isEqualTo(new CloseResult("pay_A", CloseOutcome.PAID, approved));
        assertThat(close.closed()).isFalse();
        assertThat(log.closes).isEmpty();
        assertThat(book.state("pay_A")).contains(new PaymentState("pay_A", approved, false));
        assertThat(book.tally("pay_A")).isEqualTo(new RefTally("pay_A", 1, 1, PaymentStatus.APPROVED));
        assertThat(book.submit(pay("pay_A", 1000)).effect()).isEqualTo(Effect.DUPLICATE);
    }

    @Test
    void closingTwiceIsOneClose() {
        book.close("pay_X");

        CloseResult again = book.close("pay_X");

        assertThat(again.outcome()).isEqualTo(CloseOutcome.ALREADY_CLOSED);
        assertThat(again.closed()).isTrue();
        assertThat(log.closes).hasSize(1);
    }

    @Test
    void aReferenceWithOnlyInjectedFailuresCanBeClosed() {
        book.countUndecided("pay_F", Effect.INJECTED_FAILURE);

        assertThat(book.close("pay_F").outcome()).isEqualTo(CloseOutcome.CLOSED);
        assertThat(book.submit(pay("pay_F", 1000)).effect()).isEqualTo(Effect.ORDER_CLOSED);
        assertThat(book.tally("pay_F")).isEqualTo(new RefTally("pay_F", 2, 0, null, 0, 0, true));
    }

    @Test
    void aClosedReferenceHasNothingToRefund() {
        book.close("pay_X");

        RefundResult refund = book.refund(new RefundRequest("pay_X", "rfd_X", 100, "USD")).result();

        assertThat(refund.status()).isEqualTo(RefundStatus.REJECTED);
        assertThat(refund.reasonCode()).isEqualTo(RefundRejectCode.NOT_CHARGED);
    }

    @Test
    void aFailedLogWriteDoesNotClose() {
        log.failing = true;

        assertThatThrownBy(() -> book.close("pay_X")).isInstanceOf(UncheckedIOException.class);

        log.failing = false;
        assertThat(book.state("pay_X")).isEmpty();
        assertThat(book.tally("pay_X").closed()).isFalse();
        assertThat(book.submit(pay("pay_X", 1000)).effect()).isEqualTo(Effect.DECIDED);
    }

    @Test
    void replayRestoresClosesAndTheirFence() {
        book.close("pay_X");
        book.submit(pay("pay_X", 1000));
        PaymentResult declined = book.submit(pay("pay_D", 1014)).result();
        book.close("pay_D");
        book.submit(pay("pay_A", 1000));
        book.close("pay_A");

        ChargeBook restarted = open(log);

        assertThat(restarted.totals()).isEqualTo(book.totals());
        for (String ref : List.of("pay_X", "pay_D", "pay_A")) {
            assertThat(restarted.tally(ref)).as(ref).isEqualTo(book.tally(ref));
            assertThat(restarted.state(ref)).as(ref).isEqualTo(book.state(ref));
        }
        assertThat(restarted.state("pay_D")).contains(new PaymentState("pay_D", declined, true));
        assertThat(restarted.submit(pay("pay_X", 1000)).effect()).isEqualTo(Effect.ORDER_CLOSED);
        assertThat(restarted.close("pay_X").outcome()).isEqualTo(CloseOutcome.ALREADY_CLOSED);
        assertThat(restarted.close("pay_A").outcome()).isEqualTo(CloseOutcome.PAID);
        assertThat(log.closes).hasSize(2);
    }

    @Test
    void clearForgetsCloses() {
        book.close("pay_X");

        book.clear();

        assertThat(book.state("pay_X")).isEmpty();
        assertThat(book.submit(pay("pay_X", 1000)).effect()).isEqualTo(Effect.DECIDED);
    }

    @Test
    void aCloseRacingAPaymentEitherFencesItOrIsRefused() throws Exception {
        int refs = 500;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<List<Submission>> payer = pool.submit(() -> {
                start.await();
                List<Submission> all = new ArrayList<>();
                for (int r = 0; r < refs; r++) {
                    all.add(book.submit(pay("pay_" + r, 1000)));
                }
                return all;
            });
            Future<List<CloseResult>> closer = pool.submit(() -> {
                start.await();
                List<CloseResult> all = new ArrayList<>();
                for (int r = 0; r < refs; r++) {
                    all.add(book.close("pay_" + r));
                }
                return all;
            });
            start.countDown();
            List<Submission> payments = payer.get(30, TimeUnit.SECONDS);
            List<CloseResult> closes = closer.get(30, TimeUnit.SECONDS);

            for (int r = 0; r < refs; r++) {
                Submission payment = payments.get(r);
                CloseResult close = closes.get(r);
                RefTally tally = book.tally("pay_" + r);
                if (close.closed()) {
                    assertThat(payment.effect()).isEqualTo(Effect.ORDER_CLOSED);
                    assertThat(tally.charges()).isZero();
                    assertThat(tally.closed()).isTrue();
                } else {
                    assertThat(payment.effect()).isEqualTo(Effect.DECIDED);
                    assertThat(close.decision()).isEqualTo(payment.result());
                    assertThat(tally.charges()).isEqualTo(1);
                    assertThat(tally.closed()).isFalse();
                }
            }
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
}
