package io.payrail.channel;

import io.payrail.audit.TransitionSource;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.application.PaymentOrderService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes one order to a channel and records the answer. Deliberately outside a transaction: the
 * HTTP call to the channel must not hold MySQL locks, so "handed over", "assigned to a channel"
 * and "answered" are short transactions around it. Safe to run any number of times for one order:
 * an order already final is left alone, and one already with a channel is only asked there again
 * (the channel dedupes by order id).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentDispatcher {

    private static final Logger LOG = Logger.getLogger(PaymentDispatcher.class.getName());

    @Inject
    private PaymentOrderService orders;

    @Inject
    private ChannelRouter router;

    @Inject
    private OutcomeRecorder recorder;

    /** @return the outcome, or empty when there was nothing to submit */
    public Optional<ChannelRouter.Routed> dispatch(String orderId) {
        Optional<ChannelSubmission> submission = orders.startProcessing(orderId);
        if (submission.isEmpty()) {
            return Optional.empty();
        }
        ChannelRouter.Routed routed = router.route(submission.get());
        LOG.fine(() -> "order " + orderId + " at " + routed.channelId() + ": " + routed.outcome().status());
        recorder.payment(orderId, routed.channelId(), submission.get().reference(), routed.outcome(),
                TransitionSource.CHANNEL_RESPONSE);
        return Optional.of(routed);
    }
}
