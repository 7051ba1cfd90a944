package io.payrail.reconciliation;

import java.time.Instant;

/**
 * One line of a channel's statement, as read and checked by {@link StatementParser}.
 *
 * @param lineNo          the line's number in the file (the header is line 1)
 * @param refundRef       the platform's refund id on a refund line, else null (likewise channelRefundId)
 */
public record StatementLine(long lineNo, String channelTxnId, String merchantRef, String type, long amountMinor,
                            String currency, long feeMinor, Instant movedAt, String refundRef, String channelRefundId) {

    public static final String PAYMENT = "PAYMENT";
    public static final String REFUND = "REFUND";

    /** What makes the movement unique at its channel: type and the channel's ids. */
    public String movementKey() {
        return type + "|" + channelTxnId + "|" + (channelRefundId == null ? "" : channelRefundId);
    }
}
