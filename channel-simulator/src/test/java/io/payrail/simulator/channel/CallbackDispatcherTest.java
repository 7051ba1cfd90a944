package io.payrail.simulator.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Callback delivery: retry and backoff, acknowledgement, and the lost/duplicated/reordered failures. */
class CallbackDispatcherTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final AtomicInteger ids = new AtomicInteger();
    private final ChannelLedger ledger = ChannelLedger.open(ChannelId.CARDGW, LedgerLog.NONE, clock,
            () -> "id" + ids.incrementAndGet(), new Fees(0), ChannelLedger.Capture.AS_ASKED);
    private final FaultPlan faults = new FaultPlan(ChannelId.CARDGW, 0);
    private final ScriptedTransport transport = ScriptedTransport.answering(200, "ok");
    private final CallbackDispatcher dispatcher = new CallbackDispatcher(ChannelId.CARDGW, ledger, faults,
            new CallbackDispatcher.Codec() {
                @Override
                public CallbackMessage encode(CallbackEvent e) {
                    return new CallbackMessage("text/plain", Map.of(),
                            (e.seq() + ":" + e.status()).getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public boolean isAcknowledgement(int status, String body) {
                    return status == 200 && "ok".equals(body);
                }
            }, transport, scheduler, () -> Fixture.CALLBACK_URL,
            () -> new RetrySchedule(List.of(1_000L, 2_000L, 4_000L), 5));

    @Test
    void anAcknowledgedCallbackIsSentOnce() {
        CallbackEvent paid = pay("ord_1");

        scheduler.runAll();

        assertThat(transport.bodies()).containsExactly("1:PAID");
        assertThat(transport.posts().get(0).target()).isEqualTo(Fixture.CALLBACK_URL);
        assertThat(event(paid)).extracting(CallbackEvent::state, CallbackEvent::attempts, CallbackEvent::acks,
                CallbackEvent::lastResult).containsExactly(DeliveryState.DELIVERED, 1, 1, "200 ack");
    }

    @Test
    void failuresAreRetriedWithBackoffUntilTheAcknowledgement() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedTransport flaky = new ScriptedTransport(p -> calls.incrementAndGet() <= 3
                ? CompletableFuture.completedFuture(new CallbackTransport.Reply(500, "down"))
                : CompletableFuture.completedFuture(new CallbackTransport.Reply(200, "ok")));
        CallbackDispatcher d = dispatcherWith(flaky);
        CallbackEvent paid = pay("ord_1", d);

        scheduler.advance(999);
        assertThat(flaky.posts()).hasSize(1);
        scheduler.advance(1);
        assertThat(flaky.posts()).hasSize(2);
        scheduler.runAll();

        assertThat(flaky.posts()).hasSize(4);
        assertThat(scheduler.delays()).containsExactly(1_000L, 2_000L, 4_000L);
        assertThat(event(paid)).extracting(CallbackEvent::state, CallbackEvent::attempts, CallbackEvent::acks)
                .containsExactly(DeliveryState.DELIVERED, 4, 1);
    }

    @Test
    void anAnswerThatIsNotTheAcknowledgementAndNoAnswerAtAllAreFailures() {
        transport.answer(200, "received, thanks");
        CallbackEvent paid = pay("ord_1");
        scheduler.advance(0);
        assertThat(event(paid).lastResult()).isEqualTo("200 no ack: received, thanks");

        transport.refuseConnections();
        scheduler.advance(1_000);
        assertThat(event(paid).lastResult()).startsWith("ConnectException");

        transport.answer(200, "ok");
        scheduler.runAll();
        assertThat(event(paid).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void theChannelGivesUpAfterItsRetryBudget() {
        transport.answer(503, "");
        CallbackEvent paid = pay("ord_1");

        scheduler.runAll();

        assertThat(transport.posts()).hasSize(5);
        assertThat(scheduler.delays()).containsExactly(1_000L, 2_000L, 4_000L, 4_000L);
        assertThat(event(paid).state()).isEqualTo(DeliveryState.GAVE_UP);
        assertThat(ledger.totals().callbacksOpen()).isZero();
    }

    @Test
    void aLostCallbackIsNeverSent() {
        faults.update(fault(FaultKind.LOSE_CALLBACKS, null, Map.of("ord_1", 1)));

        CallbackEvent paid = pay("ord_1");
        CallbackEvent other = pay("ord_2");
        scheduler.runAll();

        assertThat(transport.bodies()).containsExactly("1:PAID");
        assertThat(transport.posts()).hasSize(1);
        assertThat(event(paid).state()).isEqualTo(DeliveryState.LOST);
        assertThat(event(other).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(ledger.record("ord_1")).extracting(RefRecord::callbacksLost, RefRecord::callbacksSent)
                .containsExactly(1L, 0L);
    }

    @Test
    void aDuplicatedCallbackIsDeliveredAgainAfterItsFirstAcknowledgement() {
        faults.update(fault(FaultKind.DUPLICATE_CALLBACKS, 1, null));

        CallbackEvent paid = pay("ord_1");
        scheduler.advance(0);
        assertThat(transport.posts()).hasSize(2);
        assertThat(event(paid).state()).isEqualTo(DeliveryState.DELIVERED);

        assertThat(transport.bodies()).containsExactly("1:PAID", "1:PAID");
        assertThat(ledger.record("ord_1")).extracting(RefRecord::callbackEvents, RefRecord::callbacksSent,
                RefRecord::callbacksAcknowledged).containsExactly(1L, 2L, 2L);
    }

    @Test
    void aDuplicateCopyIsRetriedLikeAnyCallback() {
        faults.update(fault(FaultKind.DUPLICATE_CALLBACKS, 1, null));
        AtomicInteger calls = new AtomicInteger();
        ScriptedTransport secondFails = new ScriptedTransport(p -> CompletableFuture.completedFuture(
                calls.incrementAndGet() == 2 ? new CallbackTransport.Reply(500, "")
                        : new CallbackTransport.Reply(200, "ok")));
        CallbackDispatcher d = dispatcherWith(secondFails);

        CallbackEvent paid = pay("ord_1", d);
        scheduler.advance(0);
        assertThat(event(paid).state()).isEqualTo(DeliveryState.QUEUED);
        scheduler.runAll();

        assertThat(secondFails.posts()).hasSize(3);
        assertThat(event(paid)).extracting(CallbackEvent::state, CallbackEvent::acks)
                .containsExactly(DeliveryState.DELIVERED, 2);
    }

    @Test
    void aReorderedCallbackArrivesAfterTheReferencesNextOne() {
        faults.update(fault(FaultKind.REORDER_CALLBACKS, 1, null));
        String token = ledger.pay(ChannelLedgerTest.attempt("ord_1", 1000), Decision::awaitPayer).order()
                .payerToken();
        dispatcher.publish(ledger.events("ord_1"));
        scheduler.advance(100);
        assertThat(transport.posts()).isEmpty();

        dispatcher.publish(ledger.payerDecision(token, true, Optional::empty).orElseThrow().events());
        scheduler.advance(0);

        assertThat(transport.bodies()).containsExactly("2:PAID", "1:PENDING");
        assertThat(ledger.totals().callbacksOpen()).isZero();
        // the hold's own timer fires later and finds nothing to do
        scheduler.runAll();
        assertThat(transport.posts()).hasSize(2);
    }

    @Test
    void aHeldCallbackGoesOutWhenItsHoldRunsOut() {
        faults.update(fault(FaultKind.REORDER_CALLBACKS, 1, null));
        CallbackEvent paid = pay("ord_1");

        scheduler.advance(2_999);
        assertThat(transport.posts()).isEmpty();
        scheduler.advance(1);

        assertThat(transport.bodies()).containsExactly("1:PAID");
        assertThat(event(paid).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aHeldCallbackIsReleasedWhenTheNextOneIsLost() {
        faults.update(fault(FaultKind.REORDER_CALLBACKS, null, Map.of("ord_1", 1)));
        pay("ord_1");
        scheduler.advance(0);
        assertThat(transport.posts()).isEmpty();

        faults.update(fault(FaultKind.LOSE_CALLBACKS, null, Map.of("ord_1", 1)));
        dispatcher.publish(ledger.refund(ChannelLedgerTest.refund("ord_1", "rf_1", 10, 0)).events());
        scheduler.advance(0);

        assertThat(transport.bodies()).containsExactly("1:PAID");
        assertThat(ledger.record("ord_1")).extracting(RefRecord::callbacksLost, RefRecord::callbacksAcknowledged)
                .containsExactly(1L, 1L);
    }

    @Test
    void openCallbacksAreResumedAfterARestart() {
        ledger.pay(ChannelLedgerTest.attempt("ord_1", 1000), Decision::approve);
        ledger.pay(ChannelLedgerTest.attempt("ord_2", 1000), Decision::approve);
        ledger.updateEvent(ledger.events("ord_2").get(0).eventId(), e -> e.attempted(true, "200 ack"));

        dispatcher.resume();
        scheduler.runAll();

        assertThat(transport.posts()).hasSize(1);
        assertThat(ledger.totals().callbacksOpen()).isZero();
    }

    @Test
    void clearingTheRecordsStopsDeliveriesInProgress() {
        transport.answer(500, "");
        pay("ord_1");
        scheduler.advance(0);

        dispatcher.reset();
        ledger.clear();
        scheduler.runAll();

        assertThat(transport.posts()).hasSize(1);
    }

    private CallbackEvent pay(String ref) {
        return pay(ref, dispatcher);
    }

    private CallbackEvent pay(String ref, CallbackDispatcher d) {
        ChannelLedger.PayOutcome outcome = ledger.pay(ChannelLedgerTest.attempt(ref, 1000), Decision::approve);
        d.publish(outcome.events());
        return outcome.events().get(0);
    }

    private CallbackDispatcher dispatcherWith(CallbackTransport t) {
        return new CallbackDispatcher(ChannelId.CARDGW, ledger, faults, new CallbackDispatcher.Codec() {
            @Override
            public CallbackMessage encode(CallbackEvent e) {
                return new CallbackMessage("text/plain", Map.of(), e.status().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public boolean isAcknowledgement(int status, String body) {
                return status == 200 && "ok".equals(body);
            }
        }, t, scheduler, () -> Fixture.CALLBACK_URL, () -> new RetrySchedule(List.of(1_000L, 2_000L, 4_000L), 5));
    }

    private CallbackEvent event(CallbackEvent e) {
        return ledger.findEvent(e.eventId()).orElseThrow();
    }

    private static FaultUpdate fault(FaultKind kind, Integer next, Map<String, Integer> refs) {
        return new FaultUpdate(null, Map.of(kind, new FaultUpdate.Change(null, null, next, refs)), null);
    }
}
