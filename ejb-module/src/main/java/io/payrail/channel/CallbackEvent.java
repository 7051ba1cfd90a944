package io.payrail.channel;

/**
 * A channel's asynchronous notification, verified and translated: what happened to which of our
 * orders (or refunds). {@code eventId} is the channel's id of the notification (duplicates carry the
 * same), {@code sequence} the channel's per-reference counter where it has one (0 otherwise).
 *
 * @param orderId  our payment order id (the channel's merchant reference)
 * @param refundId our refund id, for a refund event; null for a payment event
 * @param outcome  SUCCEEDED, DECLINED, PENDING or CLOSED, with the channel's ids and codes
 */
public record CallbackEvent(String channelId, String eventId, long sequence, String orderId, String refundId,
                            ChannelOutcome outcome) {

    public boolean isRefund() {
        return refundId != null;
    }
}
