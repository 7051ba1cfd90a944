package io.payrail.simulator.bank;

import java.time.Instant;

/** One line of the bank's log: a pay request ({@link BookEntry}) or a refund decision ({@link RefundEntry}). */
public sealed interface LogEntry permits BookEntry, RefundEntry {

    Instant at();

    /** The payment the line is about. */
    String merchantRef();
}
