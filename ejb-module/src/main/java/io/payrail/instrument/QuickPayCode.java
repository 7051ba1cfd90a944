package io.payrail.instrument;

import java.util.Objects;

/**
 * A quick-pay agreement (a card bound once at QUICKPAY) with the one-time code the payer received
 * for this payment. The code is a credential for one payment: in memory only, never shown.
 *
 * @param description what may be shown of the agreement (the bound card's brand and last four digits)
 */
public record QuickPayCode(String agreementId, String otp, String description) implements PayerInstrument {

    public QuickPayCode {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(otp, "otp");
    }

    @Override
    public String describe() {
        return description == null ? "Quick pay" : "Quick pay " + description;
    }

    @Override
    public String toString() {
        return "QuickPayCode[" + agreementId + ", code hidden]";
    }
}
