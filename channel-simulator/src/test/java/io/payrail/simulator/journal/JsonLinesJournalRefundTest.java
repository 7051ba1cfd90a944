package io.payrail.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.bank.BookTotals;
import io.payrail.simulator.bank.ChargeBook;
import io.payrail.simulator.bank.Effect;
import io.payrail.simulator.bank.PaymentRequest;
import io.payrail.simulator.bank.PaymentResult;
import io.payrail.simulator.bank.PaymentStatus;
import io.payrail.simulator.bank.RefTally;
import io.payrail.simulator.bank.RefundEntry;
import io.payrail.simulator.bank.RefundRejectCode;
import io.payrail.simulator.bank.RefundRequest;
import io.payrail.simulator.bank.RefundResult;
import io.payrail.simulator.bank.RefundStatus;
import io.payrail.simulator.fault.MoneyOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesJournalRefundTest {

    /** Lines as a simulator without refunds wrote them (PROTOCOL.md §9). */
    private static final String OLD_JOURNAL = """
            {"v":1,"at":"2026-11-27T08:36:09.27Z","merchantRef":"pay_A1","effect":"DECIDED","status":"APPROVED","transactionId":"sb_bd629dbe0a9447bd85992aabf448492e","amount":1000,"currency":"USD","declineCode":null}
            {"v":1,"at":"2026-11-27T08:36:09.32Z","merchantRef":"pay_A1","effect":"DUPLICATE"}
            {"v":1,"at":"2026-11-27T08:36:10.01Z","merchantRef":"pay_D13","effect":"DECIDED","status":"DECLINED","transactionId":"sb_3f12d3e161ab4222bb477cb9af6d6059","amount":1013,"currency":"USD","declineCode":"INSUFFICIENT_FUNDS"}
            {"v":1,"at":"2026-11-27T08:36:11.00Z","merchantRef":"pay_X","effect":"INJECTED_FAILURE"}
            """;

    @TempDir
    Path dir;

    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger refundIds = new AtomicInteger();

    @Test
    void aRestartedBookKnowsWhatItRefunded() {
        Path file = dir.resolve("simbank-journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            book.submit(pay("pay_1", 1000));
            book.refund(refund("pay_1", "rfd_1", 600));
            book.refund(refund("pay_1", "rfd_1", 600));
            book.refund(refund("pay_1", "rfd_2", 500));
            book.refund(refund("pay_9", "rfd_3", 100));
        }

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);

            assertThat(book.tally("pay_1")).isEqualTo(new RefTally("pay_1", 1, 1, PaymentStatus.APPROVED, 1, 600));
            assertThat(book.totals()).isEqualTo(new BookTotals(1, 1, 1, 1));
            assertThat(book.findRefund("rfd_1")).contains(new RefundResult("rfd_1", "pay_1", "sr_1",
                    RefundStatus.REFUNDED, 600, "USD", null));
            assertThat(book.findRefund("rfd_2")).map(RefundResult::reasonCode)
                    .contains(RefundRejectCode.EXCEEDS_CAPTURED);
            assertThat(book.findRefund("rfd_3")).map(RefundResult::reasonCode).contains(RefundRejectCode.NOT_CHARGED);
            assertThat(book.refund(refund("pay_1", "rfd_1", 600)).effect()).isEqualTo(Effect.DUPLICATE);
            assertThat(book.refund(refund("pay_1", "rfd_4", 401)).result().reasonCode())
                    .isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
            assertThat(book.refund(refund("pay_1", "rfd_5", 400)).result().status()).isEqualTo(RefundStatus.REFUNDED);
        }

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            assertThat(open(journal).tally("pay_1").refunded()).isEqualTo(1000);
        }
    }

    @Test
    void aJournalWrittenBeforeRefundsIsReadAndExtended() throws IOException {
        Path file = dir.resolve("simbank-journal.jsonl");
        Files.writeString(file, OLD_JOURNAL, StandardCharsets.UTF_8);

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            assertThat(book.tally("pay_A1")).isEqualTo(new RefTally("pay_A1", 2, 1, PaymentStatus.APPROVED, 0, 0));
            assertThat(book.totals()).isEqualTo(new BookTotals(4, 1, 3, 0));

            assertThat(book.refund(refund("pay_A1", "rfd_A1", 1000)).result().status())
                    .isEqualTo(RefundStatus.REFUNDED);
            assertThat(book.refund(refund("pay_D13", "rfd_D13", 100)).result().reasonCode())
                    .isEqualTo(RefundRejectCode.NOT_CHARGED);
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6);
        assertThat(String.join("\n", lines.subList(0, 4)) + "\n").isEqualTo(OLD_JOURNAL);

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            assertThat(book.tally("pay_A1")).isEqualTo(new RefTally("pay_A1", 2, 1, PaymentStatus.APPROVED, 1, 1000));
            assertThat(book.totals()).isEqualTo(new BookTotals(4, 1, 3, 1));
            assertThat(book.find("pay_A1")).map(r -> r.transactionId()).contains("sb_bd629dbe0a9447bd85992aabf448492e");
        }
    }

    @Test
    void refundLinesAreFlatJson() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            book.submit(pay("pay_1", 1000));
            book.refund(refund("pay_1", "rfd_1", 300));
            book.refund(new RefundRequest("pay_1", "rfd_2", 300, "EUR"));
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("{\"v\":1,\"at\":\"").endsWith(
                "\"merchantRef\":\"pay_1\",\"effect\":\"REFUND_DECIDED\",\"refundRef\":\"rfd_1\",\"status\":\"REFUNDED\","
                        + "\"refundId\":\"sr_1\",\"amount\":300,\"currency\":\"USD\",\"reasonCode\":null}");
        assertThat(lines.get(2)).endsWith("\"effect\":\"REFUND_DECIDED\",\"refundRef\":\"rfd_2\",\"status\":\"REJECTED\","
                + "\"refundId\":\"sr_2\",\"amount\":300,\"currency\":\"EUR\",\"reasonCode\":\"CURRENCY_MISMATCH\"}");
    }

    @Test
    void refundEntriesSurviveTheCodecUnchanged() {
        Instant at = Instant.parse("2025-01-01T10:00:00.123456Z");
        List<RefundEntry> entries = List.of(
                new RefundEntry(at, new RefundResult("rfd_1", "pay_1", "sr_1", RefundStatus.REFUNDED, 300, "USD", null)),
                new RefundEntry(at, new RefundResult("rfd_2", "pay_1", "sr_2", RefundStatus.REJECTED, 9, "USD",
                        RefundRejectCode.EXCEEDS_CAPTURED)),
                new RefundEntry(at, new RefundResult("rfd_3", "pay_2", "sr_3", RefundStatus.REJECTED, 9, "EUR",
                        RefundRejectCode.NOT_CHARGED)));

        for (RefundEntry entry : entries) {
            assertThat(EntryCodec.decode(EntryCodec.encode(entry))).isEqualTo(entry);
        }
    }

    @Test
    void aMalformedRefundLineIsDamage() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        String refundedWithAReason = "{\"v\":1,\"at\":\"2025-01-01T10:00:00Z\",\"merchantRef\":\"pay_1\","
                + "\"effect\":\"REFUND_DECIDED\",\"refundRef\":\"rfd_1\",\"status\":\"REFUNDED\",\"refundId\":\"sr_1\","
                + "\"amount\":300,\"currency\":\"USD\",\"reasonCode\":\"NOT_CHARGED\"}";
        Files.writeString(file, refundedWithAReason + "\n" + OLD_JOURNAL);

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            assertThatThrownBy(() -> open(journal))
                    .isInstanceOf(UncheckedIOException.class)
                    .cause().hasMessageContaining("line 1");
        }
    }

    @Test
    void moneyMovedOtherThanAskedSurvivesARestartAndOldLinesStayAsTheyWere() throws IOException {
        Path file = dir.resolve("simbank-journal.jsonl");
        Files.writeString(file, OLD_JOURNAL, StandardCharsets.UTF_8);
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            book.submit(pay("pay_O", 1000), new MoneyOverride(500L, "EUR"));
            book.refund(new RefundRequest("pay_O", "rfd_O", 100, "EUR"), new MoneyOverride(200L, null));
        }
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).filteredOn(l -> l.contains("pay_O"))
                .allSatisfy(l -> assertThat(l).contains("\"requestedAmount\":"));

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);

            assertThat(book.find("pay_A1")).map(PaymentResult::overridden).contains(false);
            assertThat(book.find("pay_O")).contains(new PaymentResult("pay_O", "sb_1", PaymentStatus.APPROVED, 500,
                    "EUR", null, 1000, "USD"));
            assertThat(book.findRefund("rfd_O")).contains(new RefundResult("rfd_O", "pay_O", "sr_1",
                    RefundStatus.REFUNDED, 200, "EUR", null, 100, "EUR"));
            assertThat(book.submit(pay("pay_O", 1000)).effect()).isEqualTo(Effect.DUPLICATE);
            assertThat(book.refund(new RefundRequest("pay_O", "rfd_O", 100, "EUR")).effect())
                    .isEqualTo(Effect.DUPLICATE);
            assertThat(book.tally("pay_O").refunded()).isEqualTo(200);
        }
    }

    private ChargeBook open(JsonLinesJournal journal) {
        return ChargeBook.open(journal, Clock.systemUTC(), () -> "sb_" + ids.incrementAndGet(),
                () -> "sr_" + refundIds.incrementAndGet());
    }

    private static PaymentRequest pay(String ref, long amount) {
        return new PaymentRequest(ref, amount, "USD", "test", "BANK_CARD");
    }

    private static RefundRequest refund(String merchantRef, String refundRef, long amount) {
        return new RefundRequest(merchantRef, refundRef, amount, "USD");
    }
}
