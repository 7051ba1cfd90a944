package io.payrail.simulator.bank;

import java.time.Instant;

/**
 * One line of the bank's log: a pay request ({@link BookEntry}), a refund decision
 * ({@link RefundEntry}) or the close of a reference ({@link CloseEntry}).
 */
public sealed interface LogEntry permits BookEntry, RefundEntry, CloseEntry {

    Instant at();

    /** The payment the line is about. */
    String merchantRef();
}
