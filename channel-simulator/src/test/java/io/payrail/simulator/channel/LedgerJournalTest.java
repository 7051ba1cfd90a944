package io.payrail.simulator.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A channel's record survives a restart, and a crash in the middle of a write. */
class LedgerJournalTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AtomicInteger ids = new AtomicInteger();

    @Test
    void aRestartedChannelKnowsWhatItChargedRefundedAndStillHasToCallBack() {
        Path file = dir.resolve("nested/cardgw-journal.jsonl");
        String token;
        try (JournalLedgerLog log = new JournalLedgerLog(file, false)) {
            ChannelLedger ledger = open(log);
            ledger.pay(ChannelLedgerTest.attempt("ord_1", 1000), Decision::approve);
            ledger.pay(ChannelLedgerTest.attempt("ord_1", 1000), Decision::approve);
            ledger.refund(ChannelLedgerTest.refund("ord_1", "rf_1", 400, 0));
            ledger.refund(ChannelLedgerTest.refund("ord_1", "rf_2", 100, 5_000));
            token = ledger.pay(ChannelLedgerTest.attempt("ord_2", 700), Decision::awaitPayer).order().payerToken();
            ledger.close("ord_3", () -> Optional.of(-1L));
            ledger.close("ord_4", ChannelLedger.Leak.NONE);
            CallbackEvent paid = ledger.events("ord_1").get(0);
            ledger.updateEvent(paid.eventId(), e -> e.attempted(true, "200 ack"));
            ledger.putSide("agreement", "qa_1", Map.of("agreementId", "qa_1", "payOtpAttempts", 2L));
        }

        try (JournalLedgerLog log = new JournalLedgerLog(file, false)) {
            ChannelLedger ledger = open(log);

            assertThat(ledger.record("ord_1")).extracting(RefRecord::payRequests, RefRecord::charges,
                    RefRecord::refundRequests, RefRecord::refundsTaken, RefRecord::refundedAmount,
                    RefRecord::callbacksAcknowledged).containsExactly(2L, 1L, 2L, 1L, 400L, 1L);
            assertThat(ledger.processingRefunds()).extracting(Refund::refundRef).containsExactly("rf_2");
            assertThat(ledger.openEvents()).extracting(CallbackEvent::merchantRef, CallbackEvent::status)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ord_1", "SUCCEEDED"),
                            org.assertj.core.groups.Tuple.tuple("ord_2", "PENDING"));
            assertThat(ledger.findByToken(token)).map(s -> s.order().merchantRef()).contains("ord_2");
            assertThat(ledger.side("agreement", "qa_1")).contains(Map.of("agreementId", "qa_1", "payOtpAttempts", 2L));
            // a fence closed under "paid after close" still lets the late payment land; a retry is still a
            // duplicate; refunds already taken still count
            assertThat(ledger.pay(ChannelLedgerTest.attempt("ord_3", 1), Decision::approve).effect())
                    .isEqualTo(ChannelLedger.PayEffect.LANDED);
            assertThat(ledger.pay(ChannelLedgerTest.attempt("ord_1", 1000), Decision::approve).effect())
                    .isEqualTo(ChannelLedger.PayEffect.DUPLICATE);
            ChannelLedgerTest.assertRefused(() -> ledger.refund(ChannelLedgerTest.refund("ord_1", "rf_3", 501, 0)),
                    ChannelError.REFUND_EXCEEDS_CAPTURED);
            ChannelLedgerTest.assertRefused(() -> ledger.pay(ChannelLedgerTest.attempt("ord_4", 1), Decision::approve),
                    ChannelError.ORDER_CLOSED);
            assertThat(ledger.events("ord_1")).extracting(CallbackEvent::seq).containsExactly(1L, 2L);
        }
    }

    @Test
    void aTornLastLineIsDroppedAndTheNextLineDoesNotGlueToIt() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JournalLedgerLog log = new JournalLedgerLog(file, false)) {
            open(log).pay(ChannelLedgerTest.attempt("ord_1", 1000), Decision::approve);
        }
        String whole = Files.readString(file);
        Files.writeString(file, "{\"v\":1,\"kind\":\"ref\",\"merchantRef\":\"ord_2\",\"payReq", StandardOpenOption.APPEND);

        try (JournalLedgerLog log = new JournalLedgerLog(file, false)) {
            ChannelLedger ledger = open(log);
            assertThat(Files.readString(file)).isEqualTo(whole);
            assertThat(ledger.totals().refs()).isEqualTo(1);
            ledger.pay(ChannelLedgerTest.attempt("ord_2", 1000), Decision::approve);
        }
        try (JournalLedgerLog log = new JournalLedgerLog(file, false)) {
            assertThat(open(log).totals().charges()).isEqualTo(2);
        }
    }

    @Test
    void aDamagedLineInTheMiddleStopsTheStart() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JournalLedgerLog log = new JournalLedgerLog(file, false)) {
            open(log).pay(ChannelLedgerTest.attempt("ord_1", 1000), Decision::approve);
        }
        Files.writeString(file, "{\"v\":1,\"kind\":\"what\"}\n" + Files.readString(file));

        try (JournalLedgerLog log = new JournalLedgerLog(file, false)) {
            assertThatThrownBy(() -> open(log)).isInstanceOf(UncheckedIOException.class)
                    .cause().hasMessageContaining("line 1");
        }
    }

    @Test
    void aFinalStatusWhoseEventLineACrashLostIsCalledBackAfterTheRestart() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JournalLedgerLog log = new JournalLedgerLog(file, false)) {
            open(log).pay(ChannelLedgerTest.attempt("ord_1", 1000), Decision::approve);
        }
        // the process died after the order's line and before its event's line
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        Files.writeString(file, lines.get(0) + "\n");

        try (JournalLedgerLog log = new JournalLedgerLog(file, false)) {
            ChannelLedger ledger = open(log);
            assertThat(ledger.openEvents()).singleElement().satisfies(e -> {
                assertThat(e.merchantRef()).isEqualTo("ord_1");
                assertThat(e.status()).isEqualTo("PAID");
            });
        }
    }

    @Test
    void everyLineSurvivesTheCodec() {
        Instant at = Instant.parse("2026-03-01T10:00:00.123456789Z");
        ChannelOrder order = new ChannelOrder("ord_1", "cg_1", OrderStatus.CLOSED, new Money(1000, "USD"), "a \"quoted\"\nline",
                null, "tok", "1111", "qa_1", at, null, at, 0, true, at.plusSeconds(1), null);
        Refund refund = new Refund("rf_1", "cgr_1", "ord_1", "cg_1", new Money(5, "USD"), "why", RefundStatus.PROCESSING,
                at, null, at.plusSeconds(2));
        ChannelOrder paid = order.paid(at, new Money(1000, "USD"), 6);
        ChannelOrder misreported = order.paid(at, new Money(500, "EUR"), 3);
        CallbackEvent event = CallbackEvent.refund("cge_1", paid, refund.succeeded(at), 3, at).withCopies(2)
                .attempted(false, "500 no ack: x");
        CallbackEvent declined = CallbackEvent.payment("cge_2", ChannelOrder.create("ord_2", "cg_2", OrderStatus.DECLINED,
                new Money(7, "EUR"), "", DeclineReason.INSUFFICIENT_FUNDS, null, null, null, at, 0), 1, at);
        List<LedgerLine> lines = List.of(
                new LedgerLine.RefLine("ord_1", new Counters(1, 2, 3, 4), order),
                new LedgerLine.RefLine("ord_1", new Counters(1, 3, 3, 4), misreported),
                new LedgerLine.RefLine("ord_9", Counters.ZERO, null),
                new LedgerLine.RefLine("ord_f", Counters.ZERO, ChannelOrder.fence("ord_f", "cg_f", at, false)),
                new LedgerLine.RefundLine(refund),
                new LedgerLine.EventLine(event),
                new LedgerLine.EventLine(declined),
                new LedgerLine.SideLine("bind", "qpb_1", Map.of("status", "BOUND", "n", 3L, "ok", true)));

        for (LedgerLine line : lines) {
            String text = LedgerCodec.encode(line);
            assertThat(text).doesNotContain("\n");
            assertThat(LedgerCodec.decode(text)).isEqualTo(line);
        }
    }

    private ChannelLedger open(JournalLedgerLog log) {
        return ChannelLedger.open(ChannelId.CARDGW, log, clock, () -> "id" + ids.incrementAndGet(), new Fees(60),
                ChannelLedger.Capture.AS_ASKED);
    }
}
