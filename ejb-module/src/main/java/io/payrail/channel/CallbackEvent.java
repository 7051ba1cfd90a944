package io.payrail.channel;

import io.payrail.order.domain.ChannelReferences;

/**
 * A channel's asynchronous notification, verified and translated: what happened to which of our
 * orders (or refunds). {@code eventId} is the channel's id of the notification (duplicates carry the
 * same), {@code sequence} the channel's per-reference counter where it has one (0 otherwise).
 *
 * @param reference the payment's reference at the channel (its merchant reference): the order id, or
 *                  a cashier attempt's {@code "<order id>.<n>"}
 * @param refundId  our refund id, for a refund event; null for a payment event
 * @param outcome   SUCCEEDED, DECLINED, PENDING or CLOSED, with the channel's ids and codes
 */
public record CallbackEvent(String channelId, String eventId, long sequence, String reference, String refundId,
                            ChannelOutcome outcome) {

    /** Our payment order the reference belongs to. */
    public String orderId() {
        return ChannelReferences.orderId(reference);
    }

    public boolean isRefund() {
        return refundId != null;
    }
}
