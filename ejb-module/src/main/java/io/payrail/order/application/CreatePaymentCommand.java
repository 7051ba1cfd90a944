package io.payrail.order.application;

import io.payrail.common.Money;
import io.payrail.order.domain.PaymentMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A merchant asks to collect {@code amount}; (merchantId, merchantOrderNo) is the idempotency key.
 *
 * @param returnUrl where the cashier sends the payer back to the merchant, or null
 */
public record CreatePaymentCommand(String merchantId, String merchantOrderNo, Money amount, String subject,
                                   PaymentMethod paymentMethod, Duration expiresIn, String returnUrl) {

    /** With the platform's default expiry. */
    public CreatePaymentCommand(String merchantId, String merchantOrderNo, Money amount, String subject,
                                PaymentMethod paymentMethod) {
        this(merchantId, merchantOrderNo, amount, subject, paymentMethod, null, null);
    }

    /** Without a return URL. */
    public CreatePaymentCommand(String merchantId, String merchantOrderNo, Money amount, String subject,
                                PaymentMethod paymentMethod, Duration expiresIn) {
        this(merchantId, merchantOrderNo, amount, subject, paymentMethod, expiresIn, null);
    }

    public CreatePaymentCommand {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(merchantOrderNo, "merchantOrderNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
    }

    /**
     * SHA-256 over the fields that define the payment. A retry with the same merchant order
     * number has the same fingerprint; a different payment reusing the number does not. The return
     * URL counts only when given, so orders made before it existed keep their fingerprints.
     */
    public String fingerprint() {
        String canonical = String.join("\n", merchantId, merchantOrderNo, Long.toString(amount.minorUnits()),
                amount.currencyCode(), subject, paymentMethod.name(), expiresIn == null ? "" : expiresIn.toString())
                + (returnUrl == null ? "" : "\n" + returnUrl);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
