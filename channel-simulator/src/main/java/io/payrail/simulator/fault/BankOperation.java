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
    /** A payment status query or a refund query. */
    QUERY
}
