package io.payrail.web.api.cashier;

/** The JSON bodies the cashier endpoint reads (strictly: no unknown or repeated fields). */
public final class CashierApiRequests {

    private CashierApiRequests() {
    }

    /** A new card: number, expiry MM/YY, security code, and optionally the name on the card. */
    public record CardPayment(String number, String expiry, String cvv, String holder) {
        @Override
        public String toString() {
            return "CardPayment[hidden]";
        }
    }

    /** A card to bind at QUICKPAY with the payer's phone. */
    public record QuickPayBind(String number, String expiry, String phone) {
        @Override
        public String toString() {
            return "QuickPayBind[hidden]";
        }
    }

    /** The code QUICKPAY texted for a binding. */
    public record QuickPayConfirm(String bindId, String otp) {
        @Override
        public String toString() {
            return "QuickPayConfirm[" + bindId + ", code hidden]";
        }
    }

    /** Ask QUICKPAY to text a code for this order's payment with an agreement. */
    public record QuickPayCodeRequest(String agreementId) {
    }

    /** Pay with an agreement and the code QUICKPAY texted for this payment. */
    public record QuickPayPayment(String agreementId, String otp) {
        @Override
        public String toString() {
            return "QuickPayPayment[" + agreementId + ", code hidden]";
        }
    }
}
