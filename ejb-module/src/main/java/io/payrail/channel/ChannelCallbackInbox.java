package io.payrail.channel;

import io.payrail.audit.TransitionSource;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.refund.RefundService;
import io.payrail.refund.RefundSubmission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Takes a verified channel notification, once: in one transaction it is recorded (unique per
 * channel and event id) and its outcome applied through the {@link OutcomeRecorder}, so a
 * duplicate finds the row and changes nothing, and an out-of-order one meets the precedence rule
 * (a final state is never overwritten).
 */
@Stateless
public class ChannelCallbackInbox {

    private static final Logger LOG = Logger.getLogger(ChannelCallbackInbox.class.getName());

    /** What became of a notification. */
    public enum Receipt {
        /** First time seen: recorded and applied. */
        APPLIED,
        /** Seen before (same channel, same event id): acknowledged again, nothing else. */
        DUPLICATE
    }

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private OutcomeRecorder recorder;

    @Inject
    private PaymentOrderService orders;

    @Inject
    private RefundService refunds;

    @Inject
    private Clock clock;

    /**
     * @throws PayrailException PAYMENT_NOT_FOUND or REFUND_NOT_FOUND when the notification names an
     *         order or refund we do not have (a refund counts only at its own channel); a payment
     *         reported by a channel that does not hold the order is given back, see
     *         {@link io.payrail.order.application.PaymentOrderService#recordSuccess}. Refusals are
     *         logged and left for the channel to send again.
     */
    public Receipt accept(CallbackEvent event) {
        long seen = em.createQuery("select count(c) from ReceivedCallback c where c.channelId = :ch and c.eventId = :ev",
                        Long.class)
                .setParameter("ch", event.channelId()).setParameter("ev", event.eventId()).getSingleResult();
        if (seen > 0) {
            LOG.fine(() -> event.channelId() + " notification " + event.eventId() + " is a duplicate: acknowledged again");
            return Receipt.DUPLICATE;
        }
        PaymentOrderView order = orders.find(event.orderId()).orElseThrow(() -> refused(ErrorCode.PAYMENT_NOT_FOUND,
                event, "names order " + event.orderId() + ", which Payrail does not have"));
        if (!event.isRefund() && (!event.channelId().equals(order.channelId())
                || !event.reference().equals(order.channelRef()))) {
            // a channel (or an earlier cashier attempt's reference) that does not hold the order reports
            // on it: only money it took matters (it is not the merchant's, and goes back); anything else
            // changes nothing here
            em.persist(new ReceivedCallback(event, clock.instant()));
            em.flush();
            if (event.outcome().status() == ChannelOutcome.Status.SUCCEEDED) {
                recorder.payment(order.id(), event.channelId(), event.reference(), event.outcome(),
                        TransitionSource.CHANNEL_CALLBACK);
            } else {
                LOG.info(() -> event.channelId() + " notification " + event.eventId() + " reports "
                        + event.outcome().status() + " for " + event.reference() + " of order " + order.id() + ", which "
                        + (order.channelId() == null ? "no channel holds" : order.channelId() + " holds as "
                        + order.channelRef()) + "; ignored");
            }
            return Receipt.APPLIED;
        }
        if (event.isRefund()) {
            RefundSubmission refund = refunds.submission(event.refundId())
                    .filter(r -> r.paymentOrderId().equals(order.id()) && event.channelId().equals(r.channelId()))
                    .orElseThrow(() -> refused(ErrorCode.REFUND_NOT_FOUND, event,
                            "names refund " + event.refundId() + " of " + order.id() + ", which Payrail does not have"));
            em.persist(new ReceivedCallback(event, clock.instant()));
            em.flush();
            recorder.refund(refund.refundId(), event.outcome(), TransitionSource.CHANNEL_CALLBACK);
        } else {
            em.persist(new ReceivedCallback(event, clock.instant()));
            em.flush();
            recorder.payment(order.id(), event.channelId(), event.reference(), event.outcome(),
                    TransitionSource.CHANNEL_CALLBACK);
        }
        return Receipt.APPLIED;
    }

    private static PayrailException refused(ErrorCode code, CallbackEvent event, String why) {
        String message = event.channelId() + " notification " + event.eventId() + " " + why;
        LOG.warning(message);
        return new PayrailException(code, message);
    }
}
