package io.payrail.channel;

import io.payrail.audit.TransitionSource;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.refund.RefundService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one place where a channel's word becomes a state change, whatever brought it: the
 * synchronous answer, a callback, or a query. The precedence rule lives in the services it calls:
 * a final state is never overwritten; the first final answer wins and later agreeing ones are
 * no-ops; PENDING and UNKNOWN change nothing but the next check; a payment reported for an order
 * already closed or failed (or under a reference that no longer holds it) is a late payment and is
 * given back. A CASHIER order's declined or closed attempt goes back to its payer instead of failing.
 */
@ApplicationScoped
public class OutcomeRecorder {

    @Inject
    private PaymentOrderService orders;

    @Inject
    private RefundService refunds;

    /**
     * Applies a payment outcome (not NOT_FOUND: what that means depends on who asked).
     *
     * @param channelId the channel that gave it; null when no channel was asked (nothing to record
     *                  but the next check)
     * @param reference the reference the outcome is about at that channel (the order id, or a cashier
     *                  attempt's): an outcome of an earlier attempt's reference never decides the current one
     */
    public void payment(String orderId, String channelId, String reference, ChannelOutcome outcome,
                        TransitionSource source) {
        if (channelId == null && outcome.status() != ChannelOutcome.Status.UNKNOWN
                && outcome.status() != ChannelOutcome.Status.UNAVAILABLE) {
            throw new IllegalArgumentException(outcome.status() + " for " + orderId + " from no channel");
        }
        switch (outcome.status()) {
            case SUCCEEDED -> orders.recordSuccess(orderId, channelId, reference, outcome.channelTxnId(), outcome.money(),
                    source);
            case DECLINED -> orders.recordDecline(orderId, reference, outcome.channelTxnId(), outcome.code(),
                    outcome.message(), source);
            case CLOSED -> orders.recordClosed(orderId, reference, source, "closed at the channel");
            case PENDING -> orders.recordPending(orderId, reference, outcome.channelTxnId(), outcome.payUrl(), source);
            case UNKNOWN, UNAVAILABLE, NOT_FOUND -> orders.scheduleCheck(orderId);
        }
    }

    /** Applies a refund outcome. */
    public void refund(String refundId, ChannelOutcome outcome, TransitionSource source) {
        switch (outcome.status()) {
            case SUCCEEDED -> refunds.recordSuccess(refundId, outcome.channelTxnId(), outcome.money(), source);
            case DECLINED -> refunds.recordFailure(refundId, outcome.code(), outcome.message(), source);
            case PENDING, UNKNOWN, UNAVAILABLE, NOT_FOUND, CLOSED -> refunds.scheduleCheck(refundId);
        }
    }
}
