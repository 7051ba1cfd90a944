package io.payrail.simulator.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing the channel tells the platform by callback, and how its delivery went. The content is
 * fixed when the event happens; only the delivery fields change afterwards.
 *
 * @param seq          1, 2, 3... per merchant reference, in the order the channel made the changes
 * @param status       for PAYMENT the order's status; for REFUND the refund's
 * @param declineReason for a DECLINED payment, else null
 * @param refundRef    for REFUND events, else null (likewise refundId and refundMoney)
 * @param copies       how many times the event is to be delivered (2+ under "duplicate callbacks")
 * @param attempts     HTTP attempts made so far, all copies together
 * @param acks         acknowledged deliveries so far
 * @param lastResult   what the last attempt got (e.g. {@code 200 ack}, {@code 500}, {@code connect refused})
 */
public record CallbackEvent(String eventId, String merchantRef, long seq, EventKind kind, String status,
                            String transactionId, Money money, DeclineReason declineReason, String refundRef,
                            String refundId, Money refundMoney, Instant occurredAt, DeliveryState state, int copies,
                            int attempts, int acks, String lastResult) {

    public CallbackEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(state, "state");
        if (kind == EventKind.REFUND && (refundRef == null || refundId == null || refundMoney == null)) {
            throw new IllegalArgumentException("a refund event names its refund");
        }
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
    }

    public static CallbackEvent payment(String eventId, ChannelOrder order, long seq, Instant at) {
        return new CallbackEvent(eventId, order.merchantRef(), seq, EventKind.PAYMENT, order.status().name(),
                order.transactionId(), order.money(), order.declineReason(), null, null, null, at,
                DeliveryState.QUEUED, 1, 0, 0, null);
    }

    public static CallbackEvent refund(String eventId, ChannelOrder order, Refund refund, long seq, Instant at) {
        return new CallbackEvent(eventId, order.merchantRef(), seq, EventKind.REFUND, refund.status().name(),
                order.transactionId(), order.money(), null, refund.refundRef(), refund.refundId(), refund.money(), at,
                DeliveryState.QUEUED, 1, 0, 0, null);
    }

    public CallbackEvent withState(DeliveryState newState) {
        return new CallbackEvent(eventId, merchantRef, seq, kind, status, transactionId, money, declineReason,
                refundRef, refundId, refundMoney, occurredAt, newState, copies, attempts, acks, lastResult);
    }

    public CallbackEvent withCopies(int newCopies) {
        return new CallbackEvent(eventId, merchantRef, seq, kind, status, transactionId, money, declineReason,
                refundRef, refundId, refundMoney, occurredAt, state, newCopies, attempts, acks, lastResult);
    }

    /** After one attempt: counts it, and an acknowledgement; DELIVERED once every copy was acknowledged. */
    public CallbackEvent attempted(boolean acknowledged, String result) {
        int newAcks = acknowledged ? acks + 1 : acks;
        DeliveryState newState = newAcks >= copies ? DeliveryState.DELIVERED : state;
        return new CallbackEvent(eventId, merchantRef, seq, kind, status, transactionId, money, declineReason,
                refundRef, refundId, refundMoney, occurredAt, newState, copies, attempts + 1, newAcks, result);
    }
}
