package io.payrail.web.api.payments;

import io.payrail.common.Money;
import io.payrail.order.application.CreatePaymentCommand;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.web.api.validation.PayableCurrency;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * The body of {@code POST /api/v1/payments} and of SOAP createPayment; the merchant is the one
 * that signed the request. {@code expiresInSeconds} (optional, 60 s to 7 days, default 30
 * minutes): an unpaid order is closed then. Each field's constraints share one message that
 * states the field's whole rule, whichever part was broken.
 */
public record CreatePaymentRequest(
        @NotBlank(message = ApiPatterns.REFERENCE_RULE) @Size(max = 64, message = ApiPatterns.REFERENCE_RULE)
        @Pattern(regexp = ApiPatterns.REFERENCE, message = ApiPatterns.REFERENCE_RULE) String merchantOrderNo,
        @NotNull(message = ApiPatterns.AMOUNT_RULE) @Positive(message = ApiPatterns.AMOUNT_RULE)
        @Max(value = ApiPatterns.MAX_AMOUNT_MINOR, message = ApiPatterns.AMOUNT_RULE) Long amount,
        @NotNull(message = PayableCurrency.RULE) @PayableCurrency String currency,
        @NotBlank(message = ApiPatterns.LINE_RULE) @Size(max = 128, message = ApiPatterns.LINE_RULE)
        @Pattern(regexp = ApiPatterns.TEXT, message = ApiPatterns.LINE_RULE) String subject,
        @NotNull(message = "must be one of BANK_CARD, QUICK_PAY, WALLET, CASHIER") PaymentMethod paymentMethod,
        @Min(value = 60, message = EXPIRY_RULE) @Max(value = 7 * 24 * 3600, message = EXPIRY_RULE)
        Integer expiresInSeconds,
        @Size(max = 512, message = RETURN_URL_RULE) @Pattern(regexp = RETURN_URL, message = RETURN_URL_RULE)
        String returnUrl) {

    static final String EXPIRY_RULE = "must be from 60 to 604800 seconds (7 days); leave it out for 30 minutes";
    /** An absolute https URL without spaces, quotes or angle brackets: it goes into the cashier page as a link. */
    static final String RETURN_URL = "https://[^\\s\"'<>\\\\]+";
    static final String RETURN_URL_RULE = "must be an https URL of at most 512 characters (no spaces, quotes or angle"
            + " brackets), where the cashier sends the payer back to you; leave it out if you have none";

    /** The payment server's command for this (validated) request. */
    public CreatePaymentCommand command(String merchantId) {
        return new CreatePaymentCommand(merchantId, merchantOrderNo, Money.ofMinor(amount, currency), subject,
                paymentMethod, expiresInSeconds == null ? null : Duration.ofSeconds(expiresInSeconds), returnUrl);
    }
}
