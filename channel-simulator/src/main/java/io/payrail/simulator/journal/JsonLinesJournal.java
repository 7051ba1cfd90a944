package io.payrail.simulator.journal;

import io.payrail.simulator.bank.BookEntry;
import io.payrail.simulator.bank.ChargeLog;
import io.payrail.simulator.bank.CloseEntry;
import io.payrail.simulator.bank.LogEntry;
import io.payrail.simulator.bank.RefundEntry;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A SIMBANK-style bank's {@link ChargeLog} (SIMBANK's, SIMBANK2's): a {@link JsonLinesFile} of
 * {@link BookEntry}, {@link RefundEntry} and {@link CloseEntry} lines (see {@link EntryCodec}). Every request is written before it is answered; a torn last line
 * is dropped at replay, a damaged line elsewhere stops the start.
 */
public final class JsonLinesJournal implements ChargeLog, Closeable {

    private final JsonLinesFile<LogEntry> lines;

    public JsonLinesJournal(Path file, boolean sync) {
        this.lines = new JsonLinesFile<>(file, sync, EntryCodec::encode, EntryCodec::decode);
    }

    public Path file() {
        return lines.file();
    }

    @Override
    public void replay(Consumer<BookEntry> payments, Consumer<RefundEntry> refunds, Consumer<CloseEntry> closes) {
        lines.replay(entry -> {
            if (entry instanceof RefundEntry refund) {
                refunds.accept(refund);
            } else if (entry instanceof CloseEntry close) {
                closes.accept(close);
            } else {
                payments.accept((BookEntry) entry);
            }
        });
    }

    @Override
    public void append(BookEntry entry) {
        lines.append(entry);
    }

    @Override
    public void append(RefundEntry entry) {
        lines.append(entry);
    }

    @Override
    public void append(CloseEntry entry) {
        lines.append(entry);
    }

    @Override
    public void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        lines.close();
    }
}
