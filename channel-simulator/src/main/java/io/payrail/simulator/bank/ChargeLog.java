package io.payrail.simulator.bank;

import java.util.function.Consumer;

/**
 * Where the {@link ChargeBook} writes each pay request, each refund decision and each close before
 * answering it, so that what the bank charged, refunded and fenced outlives the process.
 * Implementations must be safe for concurrent {@code append}s.
 */
public interface ChargeLog {

    /**
     * Feeds every entry already written, oldest first: pay requests to {@code payments}, refund
     * decisions to {@code refunds}, closes to {@code closes}. Called once, before the first append.
     * A log written before SIMBANK had refunds or closes simply feeds none of them.
     */
    void replay(Consumer<BookEntry> payments, Consumer<RefundEntry> refunds, Consumer<CloseEntry> closes);

    /** Writes one pay request; throws (unchecked) when it could not, and then the request must fail. */
    void append(BookEntry entry);

    /** Writes one refund decision; throws (unchecked) when it could not, and then the request must fail. */
    void append(RefundEntry entry);

    /** Writes one close; throws (unchecked) when it could not, and then the close must fail. */
    void append(CloseEntry entry);

    /** Forgets everything written (an operator's reset of the records). */
    void clear();

    /** A log that keeps nothing: for tests and for a bank that may forget on restart. */
    ChargeLog NONE = new ChargeLog() {
        @Override
        public void replay(Consumer<BookEntry> payments, Consumer<RefundEntry> refunds,
                           Consumer<CloseEntry> closes) {
        }

        @Override
        public void append(BookEntry entry) {
        }

        @Override
        public void append(RefundEntry entry) {
        }

        @Override
        public void append(CloseEntry entry) {
        }

        @Override
        public void clear() {
        }
    };
}
