package io.payrail.channel;

import io.payrail.audit.TransitionSource;
import io.payrail.refund.RefundService;
import io.payrail.refund.RefundSubmission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Takes one refund to the channel of its payment (a refund never goes anywhere else) and records
 * the answer; like {@link PaymentDispatcher}, safe to repeat.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefundDispatcher {

    @Inject
    private RefundService refunds;

    @Inject
    private ChannelRegistry registry;

    @Inject
    private OutcomeRecorder recorder;

    public Optional<ChannelOutcome> dispatch(String refundId) {
        Optional<RefundSubmission> submission = refunds.startProcessing(refundId);
        if (submission.isEmpty()) {
            return Optional.empty();
        }
        ChannelOutcome outcome = registry.connector(submission.get().channelId())
                .map(c -> c.refund(submission.get()))
                // nothing sent, but an earlier send may have been: asked again once the channel is back
                .orElse(ChannelOutcome.unknown("the payment's channel " + submission.get().channelId()
                        + " is not configured on this server"));
        recorder.refund(refundId, outcome, TransitionSource.CHANNEL_RESPONSE);
        return Optional.of(outcome);
    }
}
