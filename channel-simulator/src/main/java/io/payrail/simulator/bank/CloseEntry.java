package io.payrail.simulator.bank;

import java.time.Instant;
import java.util.Objects;

/**
 * The close of a merchant reference as written to the bank's log: from then on the reference is
 * fenced and no pay request can charge it. Only a close that changed something is written; closing
 * a reference again, or refusing to close a paid one, writes nothing.
 */
public record CloseEntry(Instant at, String merchantRef) implements LogEntry {

    public CloseEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(merchantRef, "merchantRef");
    }
}
