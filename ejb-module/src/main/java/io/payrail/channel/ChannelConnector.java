package io.payrail.channel;

import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.refund.RefundSubmission;
import java.util.Set;

/**
 * One payment channel (a bank, a card gateway, a wallet). Implementations speak the channel's
 * protocol over HTTP with timeouts and translate every answer, or its absence, into an outcome.
 * They never throw for a decline or a timeout.
 */
public interface ChannelConnector {

    /** Stable id, stored on the order and used as the owner of the channel's ledger accounts. */
    String channelId();

    Set<PaymentMethod> supportedMethods();

    /** Asks the channel to charge; the order id is the channel's idempotency key. */
    ChannelOutcome pay(ChannelSubmission submission);

    /**
     * Asks the channel to pay back part or all of a charge; the refund id is the channel's
     * idempotency key. SUCCEEDED: refunded; DECLINED: certainly not refunded.
     */
    ChannelOutcome refund(RefundSubmission submission);
}
