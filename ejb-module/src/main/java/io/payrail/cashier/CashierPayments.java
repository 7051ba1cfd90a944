package io.payrail.cashier;

import io.payrail.audit.TransitionSource;
import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelRouter;
import io.payrail.channel.OutcomeRecorder;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.instrument.CardDetails;
import io.payrail.instrument.InvalidCardException;
import io.payrail.instrument.PayerInstrument;
import io.payrail.instrument.QuickPayCode;
import io.payrail.methods.SavedMethod;
import io.payrail.methods.SavedMethods;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.domain.PaymentAttempt;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.vault.CardVault;
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

    @Inject
    private SavedMethods methods;

    @Inject
    private CardVault vault;

    /**
     * The order after the payer's attempt, and what the channel said (null when the order could not
     * be paid now: expired, closed, paid, or another attempt running).
     */
    public record CashierResult(PaymentOrderView order, ChannelOutcome outcome) {

        /** Whether the channel took the card: it charged it, or asks the payer to confirm. */
        public boolean cardAccepted() {
            return outcome != null && (outcome.status() == ChannelOutcome.Status.SUCCEEDED
                    || outcome.status() == ChannelOutcome.Status.PENDING);
        }
    }

    /**
     * Pays with a card the payer typed; a signed-in payer who asked to save it gets it in the vault once
     * the channel has taken it (charged, or asking for the issuer's confirmation). A card the channel
     * declined, or never saw, is not kept: the payer may have mistyped it, and the vault holds only
     * cards that have paid. Saving happens here, in the payer's request, because the card exists
     * nowhere else afterwards.
     */
    public CashierResult payWithCard(String cashierToken, CardDetails card, Long payerId, boolean save) {
        CashierResult result = pay(cashierToken, PaymentMethod.BANK_CARD, card, payerId == null ? null : payerId.toString());
        if (save && payerId != null && result.cardAccepted()) {
            methods.saveCard(payerId, card);
        }
        return result;
    }

    /**
     * Pays with one of the payer's saved cards and the security code the payer typed for this payment.
     *
     * @throws PayrailException PAYMENT_NOT_FOUND when the method is not this payer's
     * @throws InvalidCardException when the saved card has expired or the code is malformed
     */
    public CashierResult payWithSavedCard(String cashierToken, long payerId, String methodId, String cvv)
            throws InvalidCardException {
        SavedMethod method = savedMethod(payerId, methodId, SavedMethod.Kind.CARD);
        CardDetails card = vault.reveal(method.vaultToken(), cvv);
        return pay(cashierToken, PaymentMethod.BANK_CARD, card, Long.toString(payerId));
    }

    /**
     * Pays with a quick-pay agreement and the code QUICKPAY texted for this payment: the payer's saved
     * one ({@code methodId}), or a guest's bound on this page ({@code agreement}).
     */
    public CashierResult payWithQuickPay(String cashierToken, Long payerId, String methodId,
                                         CashierQuickPay.Agreement agreement, String otp) {
        String agreementId;
        String description;
        if (methodId != null && payerId != null) {
            SavedMethod method = savedMethod(payerId, methodId, SavedMethod.Kind.QUICK_PAY);
            agreementId = method.agreementId();
            description = method.describe();
        } else if (agreement != null) {
            agreementId = agreement.agreementId();
            description = agreement.describe();
        } else {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "no quick-pay agreement was chosen: bind a card first");
        }
        return pay(cashierToken, PaymentMethod.QUICK_PAY, new QuickPayCode(agreementId, otp == null ? "" : otp.strip(), description),
                payerId == null ? null : payerId.toString());
    }

    private SavedMethod savedMethod(long payerId, String methodId, SavedMethod.Kind kind) {
        return methods.find(payerId, methodId).filter(m -> m.kind() == kind).orElseThrow(() -> new PayrailException(
                ErrorCode.RESOURCE_NOT_FOUND, "you have no such saved method: choose one of your methods or enter a card"));
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
