package io.payrail.channel;

import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.refund.RefundSubmission;
import java.util.Set;

/**
 * One payment channel (a bank, a card gateway, a wallet). Implementations speak the channel's
 * signed protocol over HTTP with timeouts and translate every answer, or its absence, into a
 * {@link ChannelOutcome}; they never throw for a decline, a timeout or an outage. The order's
 * reference ({@link ChannelSubmission#reference()}: its id, or a cashier attempt's
 * {@code "<id>.<n>"}) is the channel's merchant reference (its idempotency key), the refund id the
 * refund's.
 */
public interface ChannelConnector {

    /** Stable id, stored on the order and used as the owner of the channel's ledger accounts. */
    String channelId();

    Set<PaymentMethod> supportedMethods();

    /**
     * Whether this channel can take this submission as it is. A channel that needs the payer's card or
     * one-time code takes only submissions that carry it (from the cashier); one that needs nothing
     * from the payer takes only those that carry nothing, since a payer's card must never go to a
     * channel that would ignore it.
     */
    default boolean accepts(ChannelSubmission submission) {
        return submission.instrument() == null;
    }

    /** SUCCEEDED, DECLINED, PENDING (with payUrl), UNKNOWN or UNAVAILABLE. */
    ChannelOutcome pay(ChannelSubmission submission);

    /** The channel's view of an order by its reference: SUCCEEDED, DECLINED, PENDING, CLOSED, NOT_FOUND or UNKNOWN. */
    ChannelOutcome query(String reference);

    /**
     * Closes an unpaid order at the channel by its reference (and fences it: a late pay request is
     * refused). CLOSED, SUCCEEDED (it was paid after all), or UNKNOWN. A channel that cannot close
     * answers with its {@link #query} instead.
     */
    ChannelOutcome close(String reference);

    /** SUCCEEDED, DECLINED, PENDING (asynchronous refund), UNKNOWN or UNAVAILABLE. */
    ChannelOutcome refund(RefundSubmission submission);

    /** The channel's view of a refund: SUCCEEDED, DECLINED, PENDING, NOT_FOUND or UNKNOWN. */
    ChannelOutcome queryRefund(RefundSubmission submission);
}
