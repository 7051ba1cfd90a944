package io.payrail.channel;

import io.payrail.audit.TransitionSource;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.domain.PaymentOrderState;
import io.payrail.refund.RefundService;
import io.payrail.refund.RefundSubmission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings orders and refunds whose outcome is unknown or pending to a final state by asking their
 * channel, and closes unpaid orders at their channel: at expiry, or when the merchant asks.
 * <ul>
 * <li>query says paid, declined or closed: recorded (source CHANNEL_QUERY);</li>
 * <li>query says the channel never saw the order: it is submitted again to the same channel (the
 *     channel dedupes by order id, so this can never charge twice);</li>
 * <li>pending or no answer: asked again on the check schedule.</li>
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentResolver {

    private static final Logger LOG = Logger.getLogger(PaymentResolver.class.getName());
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Inject
    private PaymentOrderService orders;

    @Inject
    private RefundService refunds;

    @Inject
    private ChannelRegistry registry;

    @Inject
    private PaymentDispatcher dispatcher;

    @Inject
    private RefundDispatcher refundDispatcher;

    @Inject
    private OutcomeRecorder recorder;

    @Inject
    private java.time.Clock clock;

    /** One due check of an order (claimed first, so one server asks at a time). */
    public void checkOrder(String orderId) {
        if (!orders.claimCheck(orderId, LEASE)) {
            return;
        }
        PaymentOrderView order = orders.find(orderId).orElse(null);
        if (order == null || order.state() != PaymentOrderState.PROCESSING) {
            return;
        }
        if (order.closeSource() != null) {
            // a close began and its answer was unknown: finish it (the fence keeps other channels out)
            close(orderId, TransitionSource.valueOf(order.closeSource()));
            return;
        }
        if (!order.expiresAt().isAfter(clock.instant())) {
            close(orderId, TransitionSource.EXPIRY);
            return;
        }
        Optional<ChannelConnector> connector = registry.connector(order.channelId());
        if (connector.isEmpty()) {
            // no channel could take it yet: route it again (a cashier attempt goes back to its payer,
            // who alone can submit it again)
            if (order.payerChooses()) {
                orders.scheduleCheck(orderId);
            } else {
                dispatcher.dispatch(orderId);
            }
            return;
        }
        ChannelOutcome outcome = connector.get().query(order.channelRef());
        if (outcome.status() == ChannelOutcome.Status.NOT_FOUND) {
            if (order.payerChooses()) {
                // the payer's card or code is gone, so it cannot be sent again: close the reference there
                // (a request still on its way can then never charge) and give the order back to the payer
                LOG.info(() -> "order " + orderId + ": " + order.channelId() + " never received " + order.channelRef()
                        + "; closing it there before the payer tries again");
                close(orderId, TransitionSource.PAYER);
                return;
            }
            LOG.info(() -> "order " + orderId + ": " + order.channelId() + " never received it; submitting it again");
            dispatcher.dispatch(orderId);
            return;
        }
        recorder.payment(orderId, order.channelId(), order.channelRef(), outcome, TransitionSource.CHANNEL_QUERY);
    }

    /**
     * The payer gives up the attempt under way at the cashier (to pay another way): it is closed at its
     * channel first, and only then does the order wait for the payer again; should the channel say it
     * was paid, it is paid. An unknown answer leaves the close to the check schedule.
     *
     * @return the order afterwards
     */
    public PaymentOrderView closeAttempt(String orderId) {
        return close(orderId, TransitionSource.PAYER);
    }

    /** An unpaid order reached its expiry: close it (at its channel first). */
    public void expire(String orderId) {
        close(orderId, TransitionSource.EXPIRY);
    }

    /** One due check of a refund. */
    public void checkRefund(String refundId) {
        Optional<RefundSubmission> refund = refunds.submission(refundId);
        if (refund.isEmpty()) {
            return;
        }
        Optional<ChannelConnector> connector = registry.connector(refund.get().channelId());
        if (connector.isEmpty()) {
            LOG.severe(() -> "refund " + refundId + " is with " + refund.get().channelId()
                    + ", which this server has no connector for; asked again later");
            refunds.scheduleCheck(refundId);
            return;
        }
        ChannelOutcome outcome = connector.get().queryRefund(refund.get());
        if (outcome.status() == ChannelOutcome.Status.NOT_FOUND) {
            refundDispatcher.dispatch(refundId);
            return;
        }
        recorder.refund(refundId, outcome, TransitionSource.CHANNEL_QUERY);
    }

    /**
     * Closes an unpaid order: at once if no channel holds it; otherwise at the channel first, whose
     * answer decides: closed there, or paid after all (recorded as paid).
     *
     * @return the order afterwards (still PROCESSING when the channel's answer is unknown: it is
     *         checked again on the schedule)
     */
    public PaymentOrderView close(String orderId, TransitionSource source) {
        String detail = switch (source) {
            case EXPIRY -> "expired unpaid";
            case PAYER -> "the payer's attempt given up";
            default -> "closed by the merchant";
        };
        // under the order's lock: closed at once if no channel holds it, else the fence goes up
        Optional<String> holder = orders.beginClose(orderId, source, detail);
        if (holder.isPresent()) {
            String channel = holder.get();
            // the fence keeps the order at this channel and reference until the close is answered
            String reference = orders.find(orderId).orElseThrow().channelRef();
            ChannelOutcome outcome = registry.connector(channel).map(c -> c.close(reference))
                    .orElse(ChannelOutcome.unknown("no connector for " + channel));
            switch (outcome.status()) {
                case CLOSED -> orders.recordClosedAt(orderId, channel, source, detail + " (closed at " + channel + ")");
                case SUCCEEDED -> orders.recordSuccess(orderId, channel, reference, outcome.channelTxnId(),
                        outcome.money(), TransitionSource.CHANNEL_QUERY);
                default -> orders.scheduleCheck(orderId);
            }
        }
        return orders.find(orderId).orElseThrow();
    }

    /**
     * The merchant's close: only for its own, unpaid order.
     *
     * @throws PayrailException PAYMENT_NOT_FOUND; ILLEGAL_STATE_TRANSITION when it turned out paid or
     *         is otherwise final; PAYMENT_PROCESSING when the channel's answer is unknown (retried)
     */
    public PaymentOrderView closeForMerchant(String merchantId, String orderId) {
        PaymentOrderView order = orders.findForMerchant(merchantId, orderId)
                .orElseThrow(() -> new PayrailException(ErrorCode.PAYMENT_NOT_FOUND, "no payment " + orderId));
        if (order.state() == PaymentOrderState.CLOSED) {
            return order;
        }
        if (order.state() != PaymentOrderState.CREATED && order.state() != PaymentOrderState.PROCESSING) {
            throw new PayrailException(ErrorCode.ILLEGAL_STATE_TRANSITION, "payment " + orderId + " is "
                    + order.state() + " and cannot be closed; refund it instead if it was paid");
        }
        PaymentOrderView after = close(orderId, TransitionSource.API);
        return switch (after.state()) {
            case CLOSED -> after;
            case PROCESSING -> throw new PayrailException(ErrorCode.PAYMENT_PROCESSING, "the channel did not confirm"
                    + " the close of " + orderId + " yet; Payrail keeps asking it: read the payment again shortly");
            default -> throw new PayrailException(ErrorCode.ILLEGAL_STATE_TRANSITION, "payment " + orderId
                    + " became " + after.state() + " before it could be closed");
        };
    }
}
