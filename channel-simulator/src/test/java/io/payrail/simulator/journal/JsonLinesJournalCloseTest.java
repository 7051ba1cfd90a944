package io.payrail.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.bank.BookEntry;
import io.payrail.simulator.bank.BookTotals;
import io.payrail.simulator.bank.ChargeBook;
import io.payrail.simulator.bank.CloseEntry;
import io.payrail.simulator.bank.CloseOutcome;
import io.payrail.simulator.bank.Effect;
import io.payrail.simulator.bank.LogEntry;
import io.payrail.simulator.bank.PaymentRequest;
import io.payrail.simulator.bank.PaymentStatus;
import io.payrail.simulator.bank.RefTally;
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

class JsonLinesJournalCloseTest {

    @TempDir
    Path dir;

    private final AtomicInteger ids = new AtomicInteger();

    @Test
    void aRestartedBookKeepsItsFences() {
        Path file = dir.resolve("simbank-journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            book.close("pay_X");
            book.submit(pay("pay_X", 1000));
            book.submit(pay("pay_D", 1013));
            book.close("pay_D");
            book.close("pay_D");
            book.submit(pay("pay_A", 1000));
            book.close("pay_A");
        }

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);

            assertThat(book.tally("pay_X")).isEqualTo(new RefTally("pay_X", 1, 0, null, 0, 0, true));
            assertThat(book.tally("pay_D")).isEqualTo(new RefTally("pay_D", 1, 0, PaymentStatus.DECLINED, 0, 0, true));
            assertThat(book.tally("pay_A")).isEqualTo(new RefTally("pay_A", 1, 1, PaymentStatus.APPROVED));
            assertThat(book.totals()).isEqualTo(new BookTotals(3, 1, 3, 0));
            assertThat(book.submit(pay("pay_X", 1000)).effect()).isEqualTo(Effect.ORDER_CLOSED);
            assertThat(book.submit(pay("pay_D", 1013)).effect()).isEqualTo(Effect.ORDER_CLOSED);
            assertThat(book.close("pay_X").outcome()).isEqualTo(CloseOutcome.ALREADY_CLOSED);
            assertThat(book.close("pay_A").outcome()).isEqualTo(CloseOutcome.PAID);
        }

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            assertThat(open(journal).tally("pay_X").requests()).isEqualTo(2);
        }
    }

    @Test
    void closeLinesAreFlatJson() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            ChargeBook book = open(journal);
            book.close("pay_X");
            book.submit(pay("pay_X", 1000));
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"v\":1,\"at\":\"").endsWith(",\"merchantRef\":\"pay_X\",\"effect\":\"CLOSED\"}");
        assertThat(lines.get(1)).endsWith(",\"merchantRef\":\"pay_X\",\"effect\":\"ORDER_CLOSED\"}");
    }

    @Test
    void closeEntriesSurviveTheCodecUnchanged() {
        Instant at = Instant.parse("2025-01-01T10:00:00.123456Z");
        List<LogEntry> entries = List.of(new CloseEntry(at, "pay_X"),
                BookEntry.undecided(at, "pay_X", Effect.ORDER_CLOSED));

        for (LogEntry entry : entries) {
            assertThat(EntryCodec.decode(EntryCodec.encode(entry))).isEqualTo(entry);
        }
    }

    @Test
    void anUnknownEffectIsStillDamage() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"v\":1,\"at\":\"2025-01-01T10:00:00Z\",\"merchantRef\":\"pay_X\",\"effect\":\"CLOSE\"}\n"
                + "{\"v\":1,\"at\":\"2025-01-01T10:00:00Z\",\"merchantRef\":\"pay_X\",\"effect\":\"CLOSED\"}\n");

        try (JsonLinesJournal journal = new JsonLinesJournal(file, false)) {
            assertThatThrownBy(() -> open(journal)).isInstanceOf(UncheckedIOException.class)
                    .cause().hasMessageContaining("line 1");
        }
    }

    private ChargeBook open(JsonLinesJournal journal) {
        return ChargeBook.open(journal, Clock.systemUTC(), () -> "sb_" + ids.incrementAndGet());
    }

    private static PaymentRequest pay(String ref, long amount) {
        return new PaymentRequest(ref, amount, "USD", "test", "BANK_CARD");
    }
}
