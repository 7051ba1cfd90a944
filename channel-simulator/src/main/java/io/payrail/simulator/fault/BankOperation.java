package io.payrail.simulator.fault;

/**
 * The kinds of SIMBANK-style request an injected failure can hit ({@code failOperations}). Closes
 * are not among them: a close is the fence a client relies on after an unknown outcome, and is
 * never failed on purpose.
 */
public enum BankOperation {
    /** A pay request. */
    PAY,
    /** A refund request. */
    REFUND,
    /** A payment status query, a refund query or a transfer query. */
    QUERY,
    /** A request for a day's statement file. */
    STATEMENT,
    /** A transfer (payout) request. */
    TRANSFER;

    /** Whether a request of this kind is answered at once and never held back (queries, statements). */
    public boolean answeredAtOnce() {
        return this == QUERY || this == STATEMENT;
    }
}
