package io.payrail.refund;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A merchant asks to refund {@code amountMinor} of a payment; (merchant, refund number) is the idempotency key. */
public record CreateRefundCommand(String merchantId, String paymentOrderId, String merchantRefundNo, long amountMinor,
                                  String reason) {

    /** Tells a retry (same fingerprint) from a conflicting reuse of the refund number. */
    public String fingerprint() {
        String canonical = String.join("\n", merchantId, paymentOrderId, merchantRefundNo, Long.toString(amountMinor),
                reason == null ? "" : reason);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
