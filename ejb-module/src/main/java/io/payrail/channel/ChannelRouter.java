package io.payrail.channel;

import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.application.PaymentOrderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Submits a payment to the first channel that takes it. It moves on to the next channel only when
 * the previous one certainly charged nothing: refused before processing (503, connection refused)
 * or its breaker open. After any other answer (approved, declined, pending, unknown) the order
 * stays with that channel, because it may have been charged there.
 */
@ApplicationScoped
public class ChannelRouter {

    private static final Logger LOG = Logger.getLogger(ChannelRouter.class.getName());

    @Inject
    private ChannelRegistry registry;

    @Inject
    private Instance<ChannelGuards.Guard> guards;

    @Inject
    private PaymentOrderService orders;

    /** Where the payment went and what the channel said. */
    public record Routed(String channelId, ChannelOutcome outcome) {
    }

    /**
     * @return the channel and its outcome; channel null and outcome UNAVAILABLE when no channel
     *         could take the payment now; channel null and outcome UNKNOWN when this dispatch may
     *         not submit it (it is final, another dispatch holds it, a close has begun, or it is held):
     *         the order's own check settles it
     */
    public Routed route(ChannelSubmission submission) {
        if (submission.channelId() != null) {
            // already with a channel that may have charged: only that channel may be asked again, and
            // taking a new attempt there stops any older dispatch from failing the order over meanwhile
            String channel = submission.channelId();
            ChannelConnector connector = registry.connector(channel).orElseThrow(() ->
                    new IllegalStateException("order " + submission.orderId() + " is with unknown channel " + channel));
            if (!connector.accepts(submission)) {
                // it needs the payer's card or code, which only the payer's own request carries
                return notSubmitted(submission, channel);
            }
            if (orders.resendTo(submission.orderId(), channel) == 0) {
                return notSubmitted(submission, channel);
            }
            return new Routed(channel, guarded(connector, submission));
        }
        // a payer's card or code goes only to a channel that uses it, and a channel that needs one never
        // gets a submission without it
        List<ChannelConnector> candidates = registry.candidates(submission.paymentMethod(), submission.amount())
                .stream().filter(c -> c.accepts(submission)).toList();
        for (ChannelConnector connector : candidates) {
            int attempt = orders.assignChannel(submission.orderId(), connector.channelId());
            if (attempt == 0) {
                return notSubmitted(submission, connector.channelId());
            }
            ChannelOutcome outcome = guarded(connector, submission);
            if (outcome.status() != ChannelOutcome.Status.UNAVAILABLE) {
                return new Routed(connector.channelId(), outcome);
            }
            if (!orders.releaseChannel(submission.orderId(), connector.channelId(), attempt)) {
                // another dispatch asked this channel again after us: it may be charging the order
                // there right now, so it stays there and its check settles it
                LOG.info(() -> "order " + submission.orderId() + ": " + connector.channelId() + " refused this"
                        + " dispatch, but a later one asked it again; not failing over");
                return new Routed(connector.channelId(), ChannelOutcome.unknown(connector.channelId()
                        + " refused this dispatch, but another dispatch asked it again since"));
            }
            LOG.info(() -> "order " + submission.orderId() + ": " + connector.channelId() + " unavailable ("
                    + outcome.message() + "); trying the next channel");
        }
        return new Routed(null, ChannelOutcome.unavailable(candidates.isEmpty()
                ? "no channel serves " + submission.paymentMethod() + " " + submission.amount()
                : "every channel for " + submission.paymentMethod() + " is unavailable"));
    }

    private static Routed notSubmitted(ChannelSubmission submission, String channel) {
        LOG.info(() -> "order " + submission.orderId() + " is final, held by another dispatch or an operator, or"
                + " being closed: not submitted to " + channel);
        return new Routed(null, ChannelOutcome.unknown("not submitted: the order is final, held by another dispatch"
                + " or an operator, or being closed"));
    }

    private ChannelOutcome guarded(ChannelConnector connector, ChannelSubmission submission) {
        ChannelGuards.Guard guard = guards.stream().filter(g -> g.channelId().equals(connector.channelId()))
                .findFirst().orElse(null);
        if (guard == null) {
            return connector.pay(submission);
        }
        try {
            return guard.pay(connector, submission);
        } catch (ChannelTroubleException trouble) {
            return trouble.outcome();
        } catch (CircuitBreakerOpenException open) {
            return ChannelOutcome.unavailable(connector.channelId() + " circuit breaker is open");
        }
    }
}
