package io.payrail.simulator.channel;

import java.util.function.Consumer;

/**
 * Where a {@link ChannelLedger} writes every change before it takes effect, so that what a channel
 * charged, refunded and still has to call back outlives the process. Implementations must be safe
 * for concurrent appends.
 */
public interface LedgerLog {

    /** Feeds every line already written, oldest first. Called once, before the first append. */
    void replay(Consumer<LedgerLine> sink);

    /** Writes one line; throws (unchecked) when it could not, and then the change must not happen. */
    void append(LedgerLine line);

    /** Forgets everything written (an operator's reset of the records). */
    void clear();

    /** A log that keeps nothing: for tests. */
    LedgerLog NONE = new LedgerLog() {
        @Override
        public void replay(Consumer<LedgerLine> sink) {
        }

        @Override
        public void append(LedgerLine line) {
        }

        @Override
        public void clear() {
        }
    };
}
