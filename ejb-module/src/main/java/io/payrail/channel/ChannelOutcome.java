package io.payrail.channel;

import io.payrail.common.Money;

/**
 * What a channel said about a charge or a refund. The statuses keep apart what a payment platform
 * must never confuse:
 * <ul>
 * <li>{@link Status#DECLINED} and {@link Status#UNAVAILABLE}: certainly nothing was moved;</li>
 * <li>{@link Status#UNKNOWN}: no reliable answer (timeout, a 5xx other than 503, a garbled reply):
 *     money may or may not have moved, so the order stays PROCESSING and is queried;</li>
 * <li>{@link Status#PENDING}: accepted, the result comes later (the payer must act, or the channel
 *     works asynchronously).</li>
 * </ul>
 *
 * @param channelTxnId the channel's own id of the charge or refund, when it gave one
 * @param payUrl       where the payer completes a PENDING payment (wallet page, card confirmation)
 * @param money        SUCCEEDED: the amount and currency the channel says it took (or gave back). The
 *                     services compare it with the order or refund and never book money the channel
 *                     did not report; null for the other statuses
 */
public record ChannelOutcome(Status status, String channelTxnId, String code, String message, String payUrl,
                             Money money) {

    public enum Status {
        /** The money moved (charged, or refunded). */
        SUCCEEDED,
        /** The channel processed the request and refused it: nothing moved. */
        DECLINED,
        /** Accepted; the result arrives later (callback or query). */
        PENDING,
        /** No reliable answer: the money may or may not have moved. Query before acting. */
        UNKNOWN,
        /** Refused before processing (503, connection refused, circuit open): nothing moved; another channel may be tried. */
        UNAVAILABLE,
        /** Query or close: the channel holds the order as closed; nothing was or will be charged. */
        CLOSED,
        /** Query: the channel has no record of it (never received, or refused before processing). */
        NOT_FOUND
    }

    /** @param money what the channel reports it took or gave back; null when its answer did not say */
    public static ChannelOutcome succeeded(String channelTxnId, Money money) {
        return new ChannelOutcome(Status.SUCCEEDED, channelTxnId, null, null, null, money);
    }

    public static ChannelOutcome declined(String channelTxnId, String code, String message) {
        return new ChannelOutcome(Status.DECLINED, channelTxnId, code, message, null, null);
    }

    public static ChannelOutcome pending(String channelTxnId, String payUrl) {
        return new ChannelOutcome(Status.PENDING, channelTxnId, null, null, payUrl, null);
    }

    public static ChannelOutcome unknown(String reason) {
        return new ChannelOutcome(Status.UNKNOWN, null, "UNKNOWN", reason, null, null);
    }

    public static ChannelOutcome unavailable(String reason) {
        return new ChannelOutcome(Status.UNAVAILABLE, null, "CHANNEL_UNAVAILABLE", reason, null, null);
    }

    public static ChannelOutcome closed(String channelTxnId) {
        return new ChannelOutcome(Status.CLOSED, channelTxnId, null, null, null, null);
    }

    public static ChannelOutcome notFound() {
        return new ChannelOutcome(Status.NOT_FOUND, null, null, null, null, null);
    }
}
