package io.payrail.simulator.journal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An append-only file of one-line records, each written whole with a single {@code write} straight
 * to the file channel (no buffer in the JVM) before the caller goes on: a killed process keeps every
 * line it wrote. With {@code sync} each write is also forced to the disk, which survives a power cut
 * too and costs an fsync per line.
 *
 * <p>A process killed mid-write can leave a torn last line. Replay drops it and cuts the file back
 * to the last whole line, so the next append does not glue onto a fragment; an unreadable line
 * anywhere else means the file was damaged by something other than a crash, and replay refuses to
 * start rather than forget what the file holds.
 *
 * @param <T> what one line holds; the codec's decoder throws {@link IllegalArgumentException} for a
 *            line that is not a whole record
 */
public final class JsonLinesFile<T> implements Closeable {

    private static final Logger LOG = Logger.getLogger(JsonLinesFile.class.getName());

    private final Path file;
    private final boolean sync;
    private final Function<T, String> encoder;
    private final Function<String, T> decoder;
    private FileChannel channel;

    public JsonLinesFile(Path file, boolean sync, Function<T, String> encoder, Function<String, T> decoder) {
        this.file = Objects.requireNonNull(file, "file");
        this.sync = sync;
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    public Path file() {
        return file;
    }

    /** Feeds every whole line to the sink, oldest first, then opens the file for appending. Once. */
    public synchronized void replay(Consumer<T> sink) {
        if (channel != null) {
            throw new IllegalStateException("journal " + file + " already replayed");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Scan scan = Files.exists(file) ? scan(sink) : new Scan(0, 0, false, 0);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (scan.wholeLength() < channel.size()) {
                LOG.warning(() -> "journal " + file + ": dropping a torn last line of "
                        + (scan.fileLength() - scan.wholeLength()) + " bytes");
                channel.truncate(scan.wholeLength());
            }
            channel.position(channel.size());
            if (scan.missingNewline()) {
                write("\n");
            }
            LOG.info(() -> "journal " + file + ": replayed " + scan.entries() + " entries");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    /** Writes one record; throws (unchecked) when it could not, and then the caller must fail. */
    public synchronized void append(T record) {
        if (channel == null) {
            throw new IllegalStateException("replay journal " + file + " before appending to it");
        }
        String line = encoder.apply(record);
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a journal record must be one line");
        }
        try {
            write(line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file, e);
        }
    }

    /** Forgets everything written. */
    public synchronized void clear() {
        try {
            channel.truncate(0);
            channel.position(0);
            if (sync) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear journal " + file, e);
        }
        LOG.info(() -> "journal " + file + " cleared");
    }

    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing journal " + file, e);
        }
        channel = null;
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        if (sync) {
            channel.force(false);
        }
    }

    /** Reads the file line by line, feeding whole records to the sink. */
    private Scan scan(Consumer<T> sink) throws IOException {
        long offset = 0;
        long wholeLength = 0;
        int lineNumber = 0;
        long entries = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            while ((b = in.read()) != -1) {
                offset++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNumber++;
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (!text.isBlank()) {
                    T record;
                    try {
                        record = decoder.apply(text);
                    } catch (IllegalArgumentException e) {
                        throw new IOException("journal " + file + " is damaged at line " + lineNumber
                                + " (" + e.getMessage() + "); move it away to start with an empty book", e);
                    }
                    sink.accept(record);
                    entries++;
                }
                wholeLength = offset;
            }
        }
        boolean missingNewline = false;
        if (line.size() > 0) {
            // the last write was cut short; keep it only if the cut fell just before its newline
            String text = line.toString(StandardCharsets.UTF_8);
            try {
                T record = decoder.apply(text);
                sink.accept(record);
                entries++;
                wholeLength = offset;
                missingNewline = true;
            } catch (IllegalArgumentException torn) {
                LOG.log(Level.FINE, "torn journal line", torn);
            }
        }
        return new Scan(offset, wholeLength, missingNewline, entries);
    }

    /** What replay found: the file's length and how much of it is whole lines. */
    private record Scan(long fileLength, long wholeLength, boolean missingNewline, long entries) {
    }
}
