package io.payrail.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.bank.BookEntry;
import io.payrail.simulator.bank.BookTotals;
import io.payrail.simulator.bank.ChargeBook;
import io.payrail.simulator.bank.DeclineCode;
import io.payrail.simulator.bank.Effect;
import io.payrail.simulator.bank.PaymentRequest;
import io.payrail.simulator.bank.PaymentResult;
import io.payrail.simulator.bank.PaymentStatus;
import io.payrail.simulator.bank.RefTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesJournalTest {

    @TempDir
    Path dir;

    private final AtomicInteger ids = new AtomicInteger();

    @Test
    void aRestartedBookKnowsWhatItCharged() {
        Path file = dir.resolve("nested/simbank-journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            book.submit(pay("pay_1", 1000));
            book.submit(pay("pay_1", 1000));
            book.submit(pay("pay_1", 2000));
            book.submit(pay("pay_2", 1013));
            book.countUndecided("pay_3", Effect.INJECTED_FAILURE);
        }

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);

            assertThat(book.tally("pay_1")).isEqualTo(new RefTally("pay_1", 3, 1, PaymentStatus.APPROVED));
            assertThat(book.tally("pay_2")).isEqualTo(new RefTally("pay_2", 1, 0, PaymentStatus.DECLINED));
            assertThat(book.tally("pay_3")).isEqualTo(new RefTally("pay_3", 1, 0, null));
            assertThat(book.find("pay_1")).map(PaymentResult::transactionId).contains("sb_1");
            assertThat(book.find("pay_2")).map(PaymentResult::declineCode).contains(DeclineCode.INSUFFICIENT_FUNDS);
            assertThat(book.submit(pay("pay_1", 1000)).effect()).isEqualTo(Effect.DUPLICATE);
        }
    }

    @Test
    void aTornLastLineIsDroppedAndCutAway() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            book.submit(pay("pay_1", 1000));
            book.submit(pay("pay_2", 1000));
        }
        String whole = Files.readString(file);
        String tornDecision = "{\"v\":1,\"at\":\"2025-01-01T10:00:00Z\",\"merchantRef\":\"pay_3\",\"effect\":\"DEC";
        Files.writeString(file, tornDecision, StandardOpenOption.APPEND);

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            assertThat(book.totals()).isEqualTo(new BookTotals(2, 2, 2));
            assertThat(Files.readString(file)).isEqualTo(whole);
            book.submit(pay("pay_3", 1000));
        }

        // the next start reads the new line, not a fragment glued to it
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            assertThat(open(journal).totals()).isEqualTo(new BookTotals(3, 3, 3));
        }
    }

    @Test
    void aWholeLastLineWithoutItsNewlineIsKept() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            open(journal).submit(pay("pay_1", 1000));
        }
        String content = Files.readString(file);
        Files.writeString(file, content.substring(0, content.length() - 1));

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            assertThat(book.tally("pay_1").charges()).isEqualTo(1);
            book.submit(pay("pay_2", 1000));
        }
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            assertThat(open(journal).totals()).isEqualTo(new BookTotals(2, 2, 2));
        }
    }

    @Test
    void aDamagedLineInTheMiddleStopsTheStart() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            open(journal).submit(pay("pay_1", 1000));
        }
        Files.writeString(file, "garbage\n" + Files.readString(file));

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            assertThatThrownBy(() -> open(journal))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .cause().hasMessageContaining("line 1");
        }
    }

    @Test
    void linesAreFlatJsonThatOtherToolsCanRead() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, true)) {
            open(journal).submit(pay("pay_1", 1014));
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{\"v\":1,\"at\":\"").contains(
                "\"merchantRef\":\"pay_1\",\"effect\":\"DECIDED\",\"status\":\"DECLINED\",\"transactionId\":\"sb_1\","
                        + "\"amount\":1014,\"currency\":\"USD\",\"declineCode\":\"DO_NOT_HONOR\"}");
    }

    @Test
    void entriesSurviveTheCodecUnchanged() {
        Instant at = Instant.parse("2025-01-01T10:00:00.123456Z");
        List<BookEntry> entries = new ArrayList<>();
        entries.add(BookEntry.decided(at, new PaymentResult("pay_1", "sb_1", PaymentStatus.APPROVED, 1000, "USD", null)));
        entries.add(BookEntry.decided(at, new PaymentResult("pay_2", "sb_2", PaymentStatus.DECLINED, 1013, "EUR",
                DeclineCode.INSUFFICIENT_FUNDS)));
        for (Effect effect : List.of(Effect.DUPLICATE, Effect.REF_REUSED, Effect.INJECTED_FAILURE)) {
            entries.add(BookEntry.undecided(at, "pay_3", effect));
        }

        for (BookEntry entry : entries) {
            assertThat(EntryCodec.decode(EntryCodec.encode(entry))).isEqualTo(entry);
        }
    }

    @Test
    void clearEmptiesTheFile() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            book.submit(pay("pay_1", 1000));
            book.clear();
            book.submit(pay("pay_2", 1000));
        }

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            assertThat(book.totals()).isEqualTo(new BookTotals(1, 1, 1));
            assertThat(book.find("pay_1")).isEmpty();
        }
    }

    private ChargeBook open(JsonLinesJournal journal) {
        return ChargeBook.open(journal, Clock.systemUTC(), () -> "sb_" + ids.incrementAndGet());
    }

    private static PaymentRequest pay(String ref, long amount) {
        return new PaymentRequest(ref, amount, "USD", "test", "BANK_CARD");
    }
}
