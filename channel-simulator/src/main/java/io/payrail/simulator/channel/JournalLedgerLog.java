package io.payrail.simulator.channel;

import io.payrail.simulator.journal.JsonLinesFile;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A {@link LedgerLog} in a JSON-lines file ({@code <channel>-journal.jsonl} in the data directory). */
public final class JournalLedgerLog implements LedgerLog, Closeable {

    private final JsonLinesFile<LedgerLine> lines;

    public JournalLedgerLog(Path file, boolean sync) {
        this.lines = new JsonLinesFile<>(file, sync, LedgerCodec::encode, LedgerCodec::decode);
    }

    public Path file() {
        return lines.file();
    }

    @Override
    public void replay(Consumer<LedgerLine> sink) {
        lines.replay(sink);
    }

    @Override
    public void append(LedgerLine line) {
        lines.append(line);
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
