package io.payrail.refund;

import io.payrail.audit.TransitionSource;
import io.payrail.common.Money;
import io.payrail.ledger.Ledger;
import io.payrail.ledger.PostingRules;
import io.payrail.order.application.LatePaymentPolicy;
import io.payrail.order.application.PaymentOrderView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A payment that arrives after its order was closed (or failed): the payer's money is at the
 * channel, but the merchant no longer expects it. It is booked to suspense, never to the merchant,
 * and then, by default, refunded automatically ({@code payrail.late-payment.action=REFUND}); with
 * {@code FLAG} it stays in suspense for an operator. Either way the audit trail records it.
 */
@Stateless
public class LatePayments implements LatePaymentPolicy {

    private static final Logger LOG = Logger.getLogger(LatePayments.class.getName());

    @Inject
    private Ledger ledger;

    @Inject
    private RefundService refunds;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "payrail.late-payment.action", defaultValue = "REFUND")
    String action;

    /** Books the payment once (per order and channel), and refunds it or flags it. */
    @Override
    public void arrived(PaymentOrderView order, String channel, String channelRef, String channelTxnId, Money paid,
                        TransitionSource source) {
        // the order's own channel and reference keep the ledger reference they always had; another
        // channel, or an earlier cashier attempt's reference there, gets its own (one money movement each)
        String reference = channel.equals(order.channelId()) && channelRef.equals(order.channelRef()) ? order.id()
                : channelRef + ":" + channel;
        if (ledger.isBooked(PostingRules.LATE_PAYMENT_CAPTURED, reference)) {
            return;
        }
        ledger.book(PostingRules.latePaymentCaptured(reference, channel, paid, clock.instant()));
        if ("FLAG".equalsIgnoreCase(action)) {
            LOG.warning(() -> "payment of " + paid + " for " + order.state() + " order " + order.id() + " at "
                    + channel + " (" + channelTxnId + ", via " + source + ") is in suspense for an operator");
            return;
        }
        LOG.warning(() -> "payment of " + paid + " for " + order.state() + " order " + order.id() + " at "
                + channel + " (" + channelTxnId + ", via " + source + ") is not the merchant's: refunding it automatically");
        refunds.createLatePaymentRefund(order.id(), order.merchantId(), paid, channel, channelRef);
    }
}
