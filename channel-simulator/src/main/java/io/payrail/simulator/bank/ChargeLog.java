package io.payrail.simulator.bank;

import java.util.function.Consumer;

/**
 * Where the {@link ChargeBook} writes each request before answering it, so that what the bank
 * charged outlives the process. Implementations must be safe for concurrent {@code append}s.
 */
public interface ChargeLog {

    /** Feeds every entry already written, oldest first. Called once, before the first append. */
    void replay(Consumer<BookEntry> sink);

    /** Writes one entry; throws (unchecked) when it could not, and then the request must fail. */
    void append(BookEntry entry);

    /** Forgets everything written (an operator's reset of the records). */
    void clear();

    /** A log that keeps nothing: for tests and for a bank that may forget on restart. */
    ChargeLog NONE = new ChargeLog() {
        @Override
        public void replay(Consumer<BookEntry> sink) {
        }

        @Override
        public void append(BookEntry entry) {
        }

        @Override
        public void clear() {
        }
    };
}
