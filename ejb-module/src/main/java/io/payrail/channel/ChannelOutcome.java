package io.payrail.channel;

/**
 * What a channel said about a charge. {@link Status#UNKNOWN} is not {@link Status#DECLINED}: after
 * a timeout or a 5xx the payer may have been charged, so the order stays PROCESSING until the
 * channel is asked again.
 */
public record ChannelOutcome(Status status, String channelTxnId, String code, String message) {

    public enum Status {
        /** The channel charged the payer. */
        SUCCEEDED,
        /** The channel certainly did not charge (declined, rejected). */
        DECLINED,
        /** Accepted; the result arrives later (callback or query). */
        PENDING,
        /** No reliable answer (timeout, 5xx, garbled reply): the charge may or may not have happened. */
        UNKNOWN
    }

    public static ChannelOutcome succeeded(String channelTxnId) {
        return new ChannelOutcome(Status.SUCCEEDED, channelTxnId, null, null);
    }

    public static ChannelOutcome declined(String channelTxnId, String code, String message) {
        return new ChannelOutcome(Status.DECLINED, channelTxnId, code, message);
    }

    public static ChannelOutcome pending(String channelTxnId) {
        return new ChannelOutcome(Status.PENDING, channelTxnId, null, null);
    }

    public static ChannelOutcome unknown(String reason) {
        return new ChannelOutcome(Status.UNKNOWN, null, "UNKNOWN", reason);
    }
}
