package io.payrail.simulator.bank;

/**
 * Sums over the whole book: pay requests received, charges made, references seen (payments'
 * merchantRefs), refunds taken.
 *
 * @param totalRefunds refund decisions that moved money back ({@code REFUNDED}), over all payments
 */
public record BookTotals(long totalRequests, long totalCharges, long refs, long totalRefunds) {

    /** Totals of a book without refunds. */
    public BookTotals(long totalRequests, long totalCharges, long refs) {
        this(totalRequests, totalCharges, refs, 0);
    }
}
