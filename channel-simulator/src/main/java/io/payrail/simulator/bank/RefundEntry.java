package io.payrail.simulator.bank;

import java.time.Instant;
import java.util.Objects;

/**
 * One refund decision as written to the bank's log. Only decisions are written: a retry or a
 * reused refundRef changes nothing, and an injected failure never reaches the book.
 */
public record RefundEntry(Instant at, RefundResult result) implements LogEntry {

    public RefundEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(result, "result");
    }

    @Override
    public String merchantRef() {
        return result.merchantRef();
    }
}
