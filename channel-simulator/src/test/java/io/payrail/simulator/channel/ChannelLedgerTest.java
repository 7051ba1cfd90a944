package io.payrail.simulator.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChannelLedgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AtomicInteger ids = new AtomicInteger();
    private final RecordingLog log = new RecordingLog();
    private final ChannelLedger ledger = ChannelLedger.open(ChannelId.CARDGW, log, clock,
            () -> "id" + ids.incrementAndGet(), new Fees(60), ChannelLedger.Capture.AS_ASKED);

    // ---------------------------------------------------------------- pay

    @Test
    void anApprovedPaymentIsChargedOnceWithItsFeeAndRaisesAPaidEvent() {
        ChannelLedger.PayOutcome outcome = ledger.pay(attempt("ord_1", 1000), Decision::approve);

        assertThat(outcome.effect()).isEqualTo(ChannelLedger.PayEffect.DECIDED);
        assertThat(outcome.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(outcome.order().transactionId()).isEqualTo("cg_id1");
        assertThat(outcome.order().fee()).isEqualTo(6);
        assertThat(outcome.events()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("PAID");
            assertThat(e.seq()).isEqualTo(1);
            assertThat(e.state()).isEqualTo(DeliveryState.QUEUED);
        });
        assertThat(ledger.record("ord_1")).extracting(RefRecord::payRequests, RefRecord::charges,
                RefRecord::callbackEvents).containsExactly(1L, 1L, 1L);
    }

    @Test
    void aRetryIsAnsweredWithTheFirstDecisionAndNothingIsChargedAgain() {
        ChannelOrder first = ledger.pay(attempt("ord_1", 1000), Decision::approve).order();

        ChannelLedger.PayOutcome retry = ledger.pay(attempt("ord_1", 1000), () -> {
            throw new AssertionError("a retry must not be decided again");
        });

        assertThat(retry.effect()).isEqualTo(ChannelLedger.PayEffect.DUPLICATE);
        assertThat(retry.order()).isEqualTo(first);
        assertThat(retry.events()).isEmpty();
        assertThat(ledger.record("ord_1")).extracting(RefRecord::payRequests, RefRecord::charges)
                .containsExactly(2L, 1L);
    }

    @Test
    void aDeclineIsFinalForItsReferenceAndNotACharge() {
        ledger.pay(attempt("ord_1", 1000), () -> Decision.decline(DeclineReason.DO_NOT_HONOR));

        ChannelLedger.PayOutcome retry = ledger.pay(attempt("ord_1", 1000), Decision::approve);

        assertThat(retry.order().status()).isEqualTo(OrderStatus.DECLINED);
        assertThat(retry.order().declineReason()).isEqualTo(DeclineReason.DO_NOT_HONOR);
        assertThat(ledger.record("ord_1").charges()).isZero();
    }

    @Test
    void theSameReferenceWithOtherMoneyOrAnotherAgreementIsRefused() {
        ledger.pay(new PayAttempt("ord_1", new Money(1000, "USD"), "", null, "qa_1"), Decision::approve);

        assertRefused(() -> ledger.pay(new PayAttempt("ord_1", new Money(2000, "USD"), "", null, "qa_1"),
                Decision::approve), ChannelError.MERCHANT_REF_REUSED);
        assertRefused(() -> ledger.pay(new PayAttempt("ord_1", new Money(1000, "EUR"), "", null, "qa_1"),
                Decision::approve), ChannelError.MERCHANT_REF_REUSED);
        assertRefused(() -> ledger.pay(new PayAttempt("ord_1", new Money(1000, "USD"), "", null, "qa_2"),
                Decision::approve), ChannelError.MERCHANT_REF_REUSED);
        assertThat(ledger.record("ord_1")).extracting(RefRecord::payRequests, RefRecord::charges)
                .containsExactly(4L, 1L);
    }

    @Test
    void aRefusalBeforeTheDecisionIsCountedButCreatesNoOrder() {
        assertRefused(() -> ledger.pay(attempt("ord_1", 1000), () -> {
            throw new ChannelException(ChannelError.OTP_INVALID, "wrong code");
        }), ChannelError.OTP_INVALID);

        assertThat(ledger.find("ord_1")).isEmpty();
        assertThat(ledger.record("ord_1")).extracting(RefRecord::payRequests, RefRecord::status)
                .containsExactly(1L, null);
        assertThat(ledger.pay(attempt("ord_1", 1000), Decision::approve).effect())
                .isEqualTo(ChannelLedger.PayEffect.DECIDED);
    }

    @Test
    void concurrentRequestsForOneReferenceChargeExactlyOnce() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger decisions = new AtomicInteger();
        List<Future<ChannelLedger.PayOutcome>> results = new ArrayList<>();
        for (int i = 0; i < threads * 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return ledger.pay(attempt("ord_race", 1000), () -> {
                    decisions.incrementAndGet();
                    return Decision.approve();
                });
            }));
        }
        start.countDown();
        List<String> transactionIds = new ArrayList<>();
        for (Future<ChannelLedger.PayOutcome> f : results) {
            transactionIds.add(f.get(10, TimeUnit.SECONDS).order().transactionId());
        }
        pool.shutdown();

        assertThat(decisions).hasValue(1);
        assertThat(transactionIds).containsOnly(transactionIds.get(0));
        assertThat(ledger.record("ord_race")).extracting(RefRecord::payRequests, RefRecord::charges)
                .containsExactly(64L, 1L);
    }

    // ---------------------------------------------------------------- the payer and closing

    @Test
    void aPendingOrderIsPaidWhenThePayerApprovesAndOnlyThen() {
        ChannelOrder pending = ledger.pay(attempt("ord_1", 1000), Decision::awaitPayer).order();
        assertThat(pending.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(pending.payerToken()).isNotNull();
        assertThat(ledger.record("ord_1").charges()).isZero();

        ChannelLedger.PayerOutcome approved = ledger.payerDecision(pending.payerToken(), true, Optional::empty)
                .orElseThrow();
        ChannelLedger.PayerOutcome again = ledger.payerDecision(pending.payerToken(), true, Optional::empty)
                .orElseThrow();

        assertThat(approved.changed()).isTrue();
        assertThat(approved.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(approved.events()).singleElement().extracting(CallbackEvent::seq).isEqualTo(2L);
        assertThat(again.changed()).isFalse();
        assertThat(ledger.record("ord_1").charges()).isEqualTo(1);
        assertThat(ledger.payerDecision("no-such-token", true, Optional::empty)).isEmpty();
    }

    @Test
    void thePayerCanDeclineAndADeclineRuleAppliesWhenTheMoneyWouldBeTaken() {
        String declined = ledger.pay(attempt("ord_1", 1000), Decision::awaitPayer).order().payerToken();
        String ruled = ledger.pay(attempt("ord_2", 1000), Decision::awaitPayer).order().payerToken();

        assertThat(ledger.payerDecision(declined, false, Optional::empty).orElseThrow().order().declineReason())
                .isEqualTo(DeclineReason.PAYER_DECLINED);
        assertThat(ledger.payerDecision(ruled, true, () -> Optional.of(DeclineReason.RISK_REJECTED)).orElseThrow()
                .order().declineReason()).isEqualTo(DeclineReason.RISK_REJECTED);
        assertThat(ledger.totals().charges()).isZero();
    }

    @Test
    void closingAPendingOrderStopsThePayerAndFurtherPayRequests() {
        String token = ledger.pay(attempt("ord_1", 1000), Decision::awaitPayer).order().payerToken();

        ChannelLedger.CloseOutcome closed = ledger.close("ord_1", ChannelLedger.Leak.NONE);

        assertThat(closed.changed()).isTrue();
        assertThat(closed.order().status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(ledger.payerDecision(token, true, Optional::empty).orElseThrow().changed()).isFalse();
        assertRefused(() -> ledger.pay(attempt("ord_1", 1000), Decision::approve), ChannelError.ORDER_CLOSED);
        assertThat(ledger.close("ord_1", ChannelLedger.Leak.NONE).changed()).isFalse();
        assertThat(ledger.record("ord_1")).extracting(RefRecord::charges, RefRecord::closeRequests,
                RefRecord::payRequests).containsExactly(0L, 2L, 2L);
    }

    @Test
    void closingAnUnknownReferenceFencesItAgainstALatePayRequest() {
        ChannelOrder fence = ledger.close("ord_late", ChannelLedger.Leak.NONE).order();

        assertThat(fence.isFence()).isTrue();
        assertThat(fence.status()).isEqualTo(OrderStatus.CLOSED);
        assertRefused(() -> ledger.pay(attempt("ord_late", 1000), Decision::approve), ChannelError.ORDER_CLOSED);
        assertThat(ledger.record("ord_late").charges()).isZero();
    }

    @Test
    void aPaidOrderCannotBeClosed() {
        ledger.pay(attempt("ord_1", 1000), Decision::approve);

        assertRefused(() -> ledger.close("ord_1", ChannelLedger.Leak.NONE), ChannelError.ORDER_PAID);
        assertThat(ledger.find("ord_1").orElseThrow().order().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void paidAfterCloseTheCloseAnswersClosedThenThePaymentLands() {
        ledger.pay(attempt("ord_1", 1000), Decision::awaitPayer);

        ChannelOrder closed = ledger.close("ord_1", () -> Optional.of(500L)).order();
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.leaky()).isTrue();
        assertThat(closed.landsAt()).isEqualTo(clock.instant().plusMillis(500));
        assertThat(ledger.pendingLandings()).extracting(ChannelOrder::merchantRef).containsExactly("ord_1");

        ChannelLedger.PayOutcome landed = ledger.land("ord_1").orElseThrow();

        assertThat(landed.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(landed.events()).singleElement().extracting(CallbackEvent::status).isEqualTo("PAID");
        assertThat(ledger.land("ord_1")).isEmpty();
        assertThat(ledger.record("ord_1").charges()).isEqualTo(1);
        assertThat(ledger.pendingLandings()).isEmpty();
    }

    @Test
    void paidAfterCloseOnAFenceTheLatePayRequestCharges() {
        ledger.close("ord_1", () -> Optional.of(-1L));

        ChannelLedger.PayOutcome late = ledger.pay(attempt("ord_1", 1000), Decision::approve);

        assertThat(late.effect()).isEqualTo(ChannelLedger.PayEffect.LANDED);
        assertThat(late.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(late.order().money()).isEqualTo(new Money(1000, "USD"));
        assertThat(ledger.pay(attempt("ord_1", 1000), Decision::approve).effect())
                .isEqualTo(ChannelLedger.PayEffect.DUPLICATE);
        assertThat(ledger.record("ord_1").charges()).isEqualTo(1);
    }

    @Test
    void theLeakIsOnlyAskedForWhenAnUnpaidOrderIsReallyClosed() {
        ledger.pay(attempt("ord_paid", 1000), Decision::approve);
        AtomicInteger asked = new AtomicInteger();
        ChannelLedger.Leak counting = () -> {
            asked.incrementAndGet();
            return Optional.empty();
        };

        assertRefused(() -> ledger.close("ord_paid", counting), ChannelError.ORDER_PAID);
        ledger.close("ord_new", counting);
        ledger.close("ord_new", counting);

        assertThat(asked).hasValue(1);
    }

    // ---------------------------------------------------------------- refunds

    @Test
    void partialRefundsAddUpToTheCapturedAmountAndNoFurther() {
        ledger.pay(attempt("ord_1", 1000), Decision::approve);

        ledger.refund(refund("ord_1", "rf_1", 300, 0));
        ledger.refund(refund("ord_1", "rf_2", 700, 0));

        assertThatThrownBy(() -> ledger.refund(refund("ord_1", "rf_3", 1, 0)))
                .isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.error()).isEqualTo(ChannelError.REFUND_EXCEEDS_CAPTURED);
                    assertThat(e.details()).containsEntry("refundable", 0L);
                });
        assertThat(ledger.record("ord_1")).extracting(RefRecord::refundRequests, RefRecord::refundsTaken,
                RefRecord::refundedAmount).containsExactly(3L, 2L, 1000L);
        assertThat(ledger.find("ord_1").orElseThrow().refundedAmount()).isEqualTo(1000);
    }

    @Test
    void aRefundIsIdempotentByItsReference() {
        ledger.pay(attempt("ord_1", 1000), Decision::approve);
        ChannelLedger.RefundOutcome first = ledger.refund(refund("ord_1", "rf_1", 300, 0));

        ChannelLedger.RefundOutcome again = ledger.refund(refund("ord_1", "rf_1", 300, 0));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.refund()).isEqualTo(first.refund());
        assertThat(again.events()).isEmpty();
        assertRefused(() -> ledger.refund(refund("ord_1", "rf_1", 400, 0)), ChannelError.REFUND_REF_REUSED);
        assertThat(ledger.record("ord_1").refundsTaken()).isEqualTo(1);
    }

    @Test
    void aRefundReferenceCannotServeTwoPayments() {
        ledger.pay(attempt("ord_1", 1000), Decision::approve);
        ledger.pay(attempt("ord_2", 1000), Decision::approve);
        ledger.refund(refund("ord_1", "rf_1", 100, 0));

        assertRefused(() -> ledger.refund(refund("ord_2", "rf_1", 100, 0)), ChannelError.REFUND_REF_REUSED);
        assertThat(ledger.record("ord_2").refundsTaken()).isZero();
    }

    @Test
    void onlyAPaidOrderInItsOwnCurrencyCanBeRefunded() {
        ledger.pay(attempt("ord_pending", 1000), Decision::awaitPayer);
        ledger.pay(attempt("ord_paid", 1000), Decision::approve);

        assertRefused(() -> ledger.refund(refund("ord_none", "rf_1", 100, 0)), ChannelError.ORDER_NOT_FOUND);
        assertRefused(() -> ledger.refund(refund("ord_pending", "rf_2", 100, 0)), ChannelError.ORDER_NOT_PAID);
        assertRefused(() -> ledger.refund(new ChannelLedger.RefundAttempt("ord_paid", "rf_3", new Money(100, "EUR"),
                null, 0)), ChannelError.CURRENCY_MISMATCH);
        assertThat(ledger.findRefund("rf_3")).isEmpty();
    }

    @Test
    void aProcessingRefundCountsAgainstTheRefundableAmountAndCompletesLater() {
        ledger.pay(attempt("ord_1", 1000), Decision::approve);

        ChannelLedger.RefundOutcome accepted = ledger.refund(refund("ord_1", "rf_1", 800, 1_000));

        assertThat(accepted.refund().status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(accepted.refund().completesAt()).isEqualTo(clock.instant().plusMillis(1_000));
        assertThat(accepted.events()).isEmpty();
        assertRefused(() -> ledger.refund(refund("ord_1", "rf_2", 300, 0)), ChannelError.REFUND_EXCEEDS_CAPTURED);
        assertThat(ledger.processingRefunds()).extracting(Refund::refundRef).containsExactly("rf_1");

        clock.advanceMillis(1_000);
        ChannelLedger.RefundOutcome done = ledger.completeRefund("rf_1").orElseThrow();

        assertThat(done.refund().status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(done.refund().completedAt()).isEqualTo(clock.instant());
        assertThat(done.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.REFUND);
            assertThat(e.refundRef()).isEqualTo("rf_1");
        });
        assertThat(ledger.completeRefund("rf_1")).isEmpty();
        assertThat(ledger.record("ord_1").refundedAmount()).isEqualTo(800);
    }

    @Test
    void concurrentRefundsNeverExceedTheCapturedAmount() throws Exception {
        ledger.pay(attempt("ord_1", 1000), Decision::approve);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String refundRef = "rf_" + i;
            results.add(pool.submit((Callable<Boolean>) () -> {
                start.await();
                try {
                    ledger.refund(refund("ord_1", refundRef, 100, 0));
                    return true;
                } catch (ChannelException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> f : results) {
            accepted += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(accepted).isEqualTo(10);
        assertThat(ledger.record("ord_1").refundedAmount()).isEqualTo(1000);
    }

    // ---------------------------------------------------------------- statements and records

    @Test
    void theMovementsOfADayArePaymentsWhenPaidAndRefundsWhenDoneInUtc() {
        clock.set(Instant.parse("2026-03-01T23:59:59.999Z"));
        ledger.pay(attempt("ord_1", 1000), Decision::approve);
        ledger.pay(attempt("ord_2", 500), Decision::awaitPayer);
        ledger.pay(attempt("ord_3", 700), () -> Decision.decline(DeclineReason.DO_NOT_HONOR));
        clock.set(Instant.parse("2026-03-02T00:00:00Z"));
        ledger.refund(refund("ord_1", "rf_1", 400, 0));
        ledger.payerDecision(ledger.find("ord_2").orElseThrow().order().payerToken(), true, Optional::empty);

        List<StatementLine> first = ledger.movements(LocalDate.parse("2026-03-01"));
        List<StatementLine> second = ledger.movements(LocalDate.parse("2026-03-02"));

        assertThat(first).singleElement().satisfies(l -> {
            assertThat(l.merchantRef()).isEqualTo("ord_1");
            assertThat(l.type()).isEqualTo(StatementLine.PAYMENT);
            assertThat(l.fee()).isEqualTo(6);
        });
        assertThat(second).extracting(StatementLine::merchantRef, StatementLine::type, StatementLine::amount,
                StatementLine::fee).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ord_2", "PAYMENT", 500L, 3L),
                org.assertj.core.groups.Tuple.tuple("ord_1", "REFUND", 400L, 0L));
        assertThat(ledger.movements(LocalDate.parse("2026-03-03"))).isEmpty();
    }

    @Test
    void totalsSumEveryReference() {
        ledger.pay(attempt("ord_1", 1000), Decision::approve);
        ledger.pay(attempt("ord_1", 1000), Decision::approve);
        ledger.pay(attempt("ord_2", 1000), () -> Decision.decline(DeclineReason.INSUFFICIENT_FUNDS));
        ledger.countInjected(Operation.PAY, "ord_3");
        ledger.refund(refund("ord_1", "rf_1", 250, 0));

        LedgerTotals totals = ledger.totals();

        assertThat(totals.refs()).isEqualTo(3);
        assertThat(totals.payRequests()).isEqualTo(4);
        assertThat(totals.charges()).isEqualTo(1);
        assertThat(totals.refsChargedMoreThanOnce()).isZero();
        assertThat(totals.refundedAmount()).isEqualTo(250);
        assertThat(totals.callbackEvents()).isEqualTo(3);
        assertThat(totals.callbacksOpen()).isEqualTo(3);
    }

    @Test
    void aFailedJournalWriteChangesNothing() {
        log.failNext = true;

        assertThatThrownBy(() -> ledger.pay(attempt("ord_1", 1000), Decision::approve))
                .isInstanceOf(java.io.UncheckedIOException.class);

        assertThat(ledger.find("ord_1")).isEmpty();
        assertThat(ledger.record("ord_1").payRequests()).isZero();
        assertThat(ledger.pay(attempt("ord_1", 1000), Decision::approve).effect())
                .isEqualTo(ChannelLedger.PayEffect.DECIDED);
    }

    @Test
    void clearingForgetsEverything() {
        ledger.pay(attempt("ord_1", 1000), Decision::approve);

        ledger.clear();

        assertThat(ledger.find("ord_1")).isEmpty();
        assertThat(ledger.totals().refs()).isZero();
        assertThat(log.cleared).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    static PayAttempt attempt(String ref, long amount) {
        return new PayAttempt(ref, new Money(amount, "USD"), "test", "1111", null);
    }

    static ChannelLedger.RefundAttempt refund(String ref, String refundRef, long amount, long delayMs) {
        return new ChannelLedger.RefundAttempt(ref, refundRef, new Money(amount, "USD"), "test", delayMs);
    }

    static void assertRefused(Runnable call, ChannelError error) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ChannelException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }

    /** Keeps lines in memory; can be told to fail the next write. */
    static final class RecordingLog implements LedgerLog {
        final List<LedgerLine> lines = new ArrayList<>();
        boolean failNext;
        boolean cleared;

        @Override
        public void replay(Consumer<LedgerLine> sink) {
            lines.forEach(sink);
        }

        @Override
        public synchronized void append(LedgerLine line) {
            if (failNext) {
                failNext = false;
                throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
            }
            lines.add(line);
        }

        @Override
        public void clear() {
            lines.clear();
            cleared = true;
        }
    }
}
