package io.payrail.cashier;

import io.payrail.audit.TransitionSource;
import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelRouter;
import io.payrail.channel.OutcomeRecorder;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.instrument.PayerInstrument;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.domain.PaymentAttempt;
import io.payrail.order.domain.PaymentMethod;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * A payer's payment from the cashier, submitted from the payer's own request: the card or one-time
 * code it carries may never be stored, logged or queued, so it cannot travel the outbox -> JMS path
 * of the platform's own payments. Every guarantee of that path is kept: the attempt, its channel
 * reference and the safety-net check are committed before the channel is called (should this server
 * die during the call, the resolver asks the channel, which needs neither the card nor the code), the
 * router gives the order to one channel only, and the answer is recorded by the {@link OutcomeRecorder}.
 * Outside a transaction, like the dispatcher: no database lock is held during the channel call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CashierPayments {

    private static final Logger LOG = Logger.getLogger(CashierPayments.class.getName());

    @Inject
    private PaymentOrderService orders;

    @Inject
    private ChannelRouter router;

    @Inject
    private OutcomeRecorder recorder;

    /**
     * The order after the payer's attempt, and what the channel said (null when the order could not
     * be paid now: expired, closed, paid, or another attempt running).
     */
    public record CashierResult(PaymentOrderView order, ChannelOutcome outcome) {
    }

    /**
     * @param cashierToken the secret of the order's cashier URL
     * @param instrument   the payer's card or code (the channel needs it); its {@code describe()} is all that is kept
     * @param payerId      the signed-in payer, or null for a guest
     * @throws PayrailException NOT_FOUND when no order has this cashier token
     */
    public CashierResult pay(String cashierToken, PaymentMethod method, PayerInstrument instrument, String payerId) {
        PaymentOrderView order = orders.findByCashierToken(cashierToken).orElseThrow(() ->
                new PayrailException(ErrorCode.PAYMENT_NOT_FOUND, "no payment has this cashier link: open the link the merchant gave you again"));
        PaymentOrderService.PayerAttempt attempt = orders.startPayerAttempt(order.id(), method, payerId,
                instrument == null ? null : instrument.describe());
        if (!attempt.started()) {
            return new CashierResult(attempt.order(), null);
        }
        ChannelSubmission submission = instrument == null ? attempt.submission() : attempt.submission().with(instrument);
        ChannelRouter.Routed routed = router.route(submission);
        LOG.fine(() -> "cashier attempt " + submission.reference() + " at " + routed.channelId() + ": "
                + routed.outcome().status());
        if (routed.channelId() == null && routed.outcome().status() == ChannelOutcome.Status.UNAVAILABLE) {
            // no channel took it: nothing was charged, and the payer may choose again at once
            orders.returnToPayer(order.id(), submission.reference(), PaymentAttempt.State.UNAVAILABLE,
                    "CHANNEL_UNAVAILABLE", routed.outcome().message(), TransitionSource.PAYER);
        } else {
            recorder.payment(order.id(), routed.channelId(), submission.reference(), routed.outcome(),
                    TransitionSource.CHANNEL_RESPONSE);
        }
        return new CashierResult(orders.find(order.id()).orElseThrow(), routed.outcome());
    }
}
