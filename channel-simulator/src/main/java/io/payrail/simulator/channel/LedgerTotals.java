package io.payrail.simulator.channel;

/**
 * Sums over a channel's whole record.
 *
 * @param refsChargedMoreThanOnce references with more than one charge: always 0 unless the channel is broken
 * @param callbacksOpen           events still waiting for an acknowledgement
 */
public record LedgerTotals(long refs, long payRequests, long charges, long refsChargedMoreThanOnce,
                           long refundsTaken, long refundedAmount, long callbackEvents, long callbacksAcknowledged,
                           long callbacksLost, long callbacksOpen) {
}
