package io.payrail.simulator.bank;

/** Sums over the whole book: requests received, charges made, references seen. */
public record BookTotals(long totalRequests, long totalCharges, long refs) {
}
