package io.payrail.channel;

import io.payrail.audit.TransitionSource;
import io.payrail.refund.RefundService;
import io.payrail.refund.RefundSubmission;
import io.payrail.refund.RefundView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/** Takes one refund to its channel and records the answer; like {@link PaymentDispatcher}, safe to repeat. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefundDispatcher {

    @Inject
    private RefundService refunds;

    @Inject
    private SimulatorBankConnector connector;

    /** @throws ChannelOutcomeUnknownException when the channel gave no final answer */
    public Optional<RefundView> dispatch(String refundId) {
        Optional<RefundSubmission> submission = refunds.startProcessing(refundId);
        if (submission.isEmpty()) {
            return Optional.empty();
        }
        ChannelOutcome outcome = connector.refund(submission.get());
        return Optional.of(switch (outcome.status()) {
            case SUCCEEDED -> refunds.recordSuccess(refundId, outcome.channelTxnId(), TransitionSource.CHANNEL_RESPONSE);
            case DECLINED -> refunds.recordFailure(refundId, outcome.code(), outcome.message(),
                    TransitionSource.CHANNEL_RESPONSE);
            case PENDING, UNKNOWN -> throw new ChannelOutcomeUnknownException(refundId, outcome);
        });
    }
}
