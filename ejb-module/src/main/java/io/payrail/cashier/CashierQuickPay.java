package io.payrail.cashier;

import io.payrail.channel.quickpay.QuickpayConnector;
import io.payrail.common.ErrorCode;
import io.payrail.common.Ids;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import io.payrail.instrument.CardDetails;
import io.payrail.methods.SavedMethods;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * Quick pay at the cashier, before the payment itself: binding a card at QUICKPAY (the card goes to
 * QUICKPAY in this request and is kept nowhere; QUICKPAY texts the payer a code, which gives an
 * agreement), and asking QUICKPAY to text a code for the order's next attempt. The payment with the
 * agreement and the code is {@link CashierPayments#pay}. Binding is open to guests (the agreement then
 * lives in the payer's page only) and to signed-in payers (it is saved as one of their methods).
 * Outside a transaction: nothing is held during QUICKPAY's calls.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CashierQuickPay {

    @Inject
    private QuickpayConnector quickpay;

    @Inject
    private PaymentOrderService orders;

    @Inject
    private SavedMethods methods;

    /** A binding waiting for the payer's code: what the page keeps between the two steps (no card). */
    public record Binding(String bindId, String phone, String brand, String last4) implements Serializable {
    }

    /** A bound agreement, and the saved method it became for a signed-in payer (null for a guest). */
    public record Agreement(String agreementId, String brand, String last4, String methodId) implements Serializable {

        /** The bound card, or null when only the agreement id is known (the JSON endpoint). */
        public String describe() {
            return brand == null ? null : brand + " •••• " + last4;
        }
    }

    /**
     * Binds a card to a phone at QUICKPAY, which texts the payer a code. Only from a live cashier page.
     *
     * @throws QuickPayException when QUICKPAY refuses the card or phone, or cannot be reached
     */
    public Binding bind(String cashierToken, CardDetails card, String phone) throws QuickPayException {
        payableOrder(cashierToken);
        QuickpayConnector.Answer answer = quickpay.bind(Ids.next("qpbind"), card, phone);
        refused(answer);
        return new Binding(answer.field("bindId"), answer.field("phone"), card.number().brand().displayName(),
                card.number().last4());
    }

    /**
     * Confirms a binding with the code the payer received: the agreement, saved for a signed-in payer.
     *
     * @throws QuickPayException OTP_INVALID (with the tries left), OTP_EXPIRED, BIND_FAILED, UNAVAILABLE
     */
    public Agreement confirm(Binding binding, String otp, Long payerId) throws QuickPayException {
        QuickpayConnector.Answer answer = quickpay.confirmBind(binding.bindId(), otp == null ? "" : otp.strip());
        refused(answer);
        String agreementId = answer.field("agreementId");
        String methodId = payerId == null ? null
                : methods.saveAgreement(payerId, agreementId, binding.brand(), binding.last4()).id();
        return new Agreement(agreementId, binding.brand(), binding.last4(), methodId);
    }

    /**
     * Asks QUICKPAY to text the payer a code for this order's next attempt; returns the masked phone.
     *
     * @throws QuickPayException AGREEMENT_NOT_FOUND, UNAVAILABLE
     */
    public String sendCode(String cashierToken, String agreementId) throws QuickPayException {
        PaymentOrderView order = payableOrder(cashierToken);
        QuickpayConnector.Answer answer = quickpay.sendPaymentCode(agreementId, orders.nextPayerReference(order.id()),
                Money.ofMinor(order.amountMinor(), order.currency()));
        refused(answer);
        return answer.field("phone");
    }

    private PaymentOrderView payableOrder(String cashierToken) {
        return orders.findByCashierToken(cashierToken).orElseThrow(() -> new PayrailException(ErrorCode.PAYMENT_NOT_FOUND,
                "no payment has this cashier link: open the link the merchant gave you again"));
    }

    private static void refused(QuickpayConnector.Answer answer) throws QuickPayException {
        if (answer.ok()) {
            return;
        }
        Integer left = null;
        try {
            left = answer.field("attemptsLeft") == null ? null : Integer.valueOf(answer.field("attemptsLeft"));
        } catch (NumberFormatException e) {
            // a malformed count is shown as none
        }
        throw new QuickPayException(answer.code(), answer.message(), left);
    }
}
