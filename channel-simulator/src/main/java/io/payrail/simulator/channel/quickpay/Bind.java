package io.payrail.simulator.channel.quickpay;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request to bind a card, until its SMS code is confirmed. Holds the card's last four digits and
 * what the test card will do at payment ({@code profile}), never the card number.
 *
 * @param profile {@code APPROVE}, {@code AWAIT_PAYER} or {@code DECLINE:<reason>} (see {@link QuickPay})
 */
public record Bind(String bindId, String bindRef, BindStatus status, String cardLast4, String profile,
                   String phoneMasked, String otp, Instant otpExpiresAt, int otpAttempts, String agreementId,
                   Instant createdAt) {

    static final String KIND = "bind";
    static final String REF_KIND = "bindRef";

    Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bindId", bindId);
        f.put("bindRef", bindRef);
        f.put("status", status.name());
        f.put("cardLast4", cardLast4);
        f.put("profile", profile);
        f.put("phoneMasked", phoneMasked);
        f.put("otp", otp);
        f.put("otpExpiresAt", otpExpiresAt == null ? null : otpExpiresAt.toString());
        f.put("otpAttempts", (long) otpAttempts);
        f.put("agreementId", agreementId);
        f.put("createdAt", createdAt.toString());
        f.values().removeIf(java.util.Objects::isNull);
        return f;
    }

    static Bind of(Map<String, Object> f) {
        return new Bind((String) f.get("bindId"), (String) f.get("bindRef"),
                BindStatus.valueOf((String) f.get("status")), (String) f.get("cardLast4"), (String) f.get("profile"),
                (String) f.get("phoneMasked"), (String) f.get("otp"), instant(f.get("otpExpiresAt")),
                ((Long) f.get("otpAttempts")).intValue(), (String) f.get("agreementId"),
                Instant.parse((String) f.get("createdAt")));
    }

    Bind withAttempts(int attempts, BindStatus newStatus) {
        return new Bind(bindId, bindRef, newStatus, cardLast4, profile, phoneMasked,
                newStatus == BindStatus.OTP_SENT ? otp : null, newStatus == BindStatus.OTP_SENT ? otpExpiresAt : null,
                attempts, agreementId, createdAt);
    }

    Bind bound(String newAgreementId) {
        return new Bind(bindId, bindRef, BindStatus.BOUND, cardLast4, profile, phoneMasked, null, null, otpAttempts,
                newAgreementId, createdAt);
    }

    static Instant instant(Object text) {
        return text == null ? null : Instant.parse((String) text);
    }
}
