package io.payrail.simulator.channel;

/**
 * The simulator's own record of one merchant reference at one channel, for tests that assert
 * "charged exactly once", "refunded once", "the callback was acknowledged".
 *
 * @param status              the order's status, or null when the channel holds no order for it
 * @param payRequests         pay requests received, retries, refusals and injected failures included
 *                            (requests refused as unreadable or badly signed have no usable reference
 *                            and are not counted)
 * @param charges             times money was taken for it; more than 1 would be a bug in the channel
 * @param closeRequests       close requests received
 * @param refundRequests      refund requests received
 * @param refundsTaken        refunds that succeeded (money given back)
 * @param refundedAmount      their sum, in minor units
 * @param callbackEvents      events raised for it
 * @param callbacksSent       HTTP callback attempts made
 * @param callbacksAcknowledged deliveries the platform acknowledged (a duplicated event counts each copy)
 * @param callbacksLost       events never sent (the "lost callback" failure)
 */
public record RefRecord(String merchantRef, OrderStatus status, String transactionId, long payRequests, long charges,
                        long closeRequests, long refundRequests, long refundsTaken, long refundedAmount,
                        long callbackEvents, long callbacksSent, long callbacksAcknowledged, long callbacksLost) {
}
