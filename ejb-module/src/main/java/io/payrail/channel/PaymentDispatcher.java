package io.payrail.channel;

import io.payrail.audit.TransitionSource;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes one order to its channel and records the answer. Deliberately outside a transaction: the
 * HTTP call to the bank must not hold MySQL locks, so "submitted" and "answered" are two short
 * transactions around it. Safe to run any number of times for the same order.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentDispatcher {

    private static final Logger LOG = Logger.getLogger(PaymentDispatcher.class.getName());

    @Inject
    private PaymentOrderService orders;

    @Inject
    private SimulatorBankConnector connector;

    /**
     * @return the order after the channel's final answer, or empty when there was nothing to submit
     * @throws ChannelOutcomeUnknownException when the channel gave no final answer
     */
    public Optional<PaymentOrderView> dispatch(String orderId) {
        Optional<ChannelSubmission> submission = orders.startProcessing(orderId, connector.channelId());
        if (submission.isEmpty()) {
            return Optional.empty();
        }
        ChannelOutcome outcome = connector.pay(submission.get());
        LOG.fine(() -> "order " + orderId + " at " + connector.channelId() + ": " + outcome.status());
        return Optional.of(switch (outcome.status()) {
            case SUCCEEDED -> orders.recordSuccess(orderId, outcome.channelTxnId(), TransitionSource.CHANNEL_RESPONSE);
            case DECLINED -> orders.recordDecline(orderId, outcome.channelTxnId(), outcome.code(), outcome.message(),
                    TransitionSource.CHANNEL_RESPONSE);
            case PENDING, UNKNOWN -> throw new ChannelOutcomeUnknownException(orderId, outcome);
        });
    }
}
