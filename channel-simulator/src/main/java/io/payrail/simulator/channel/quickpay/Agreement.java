package io.payrail.simulator.channel.quickpay;

import io.payrail.simulator.channel.Money;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bound card: paid by agreement id plus an SMS code sent for one payment. At most one code is
 * outstanding per agreement; it names the payment (merchant reference and money) it may pay.
 */
public record Agreement(String agreementId, String bindId, String cardLast4, String profile, String phoneMasked,
                        Instant createdAt, String payOtp, String payOtpRef, Money payOtpMoney, Instant payOtpExpiresAt,
                        int payOtpAttempts) {

    static final String KIND = "agreement";

    Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("agreementId", agreementId);
        f.put("bindId", bindId);
        f.put("cardLast4", cardLast4);
        f.put("profile", profile);
        f.put("phoneMasked", phoneMasked);
        f.put("createdAt", createdAt.toString());
        f.put("payOtp", payOtp);
        f.put("payOtpRef", payOtpRef);
        f.put("payOtpAmount", payOtpMoney == null ? null : payOtpMoney.amount());
        f.put("payOtpCurrency", payOtpMoney == null ? null : payOtpMoney.currency());
        f.put("payOtpExpiresAt", payOtpExpiresAt == null ? null : payOtpExpiresAt.toString());
        f.put("payOtpAttempts", (long) payOtpAttempts);
        f.values().removeIf(Objects::isNull);
        return f;
    }

    static Agreement of(Map<String, Object> f) {
        Object amount = f.get("payOtpAmount");
        return new Agreement((String) f.get("agreementId"), (String) f.get("bindId"), (String) f.get("cardLast4"),
                (String) f.get("profile"), (String) f.get("phoneMasked"), Instant.parse((String) f.get("createdAt")),
                (String) f.get("payOtp"), (String) f.get("payOtpRef"),
                amount == null ? null : new Money((Long) amount, (String) f.get("payOtpCurrency")),
                Bind.instant(f.get("payOtpExpiresAt")), ((Long) f.get("payOtpAttempts")).intValue());
    }

    Agreement withCode(String code, String merchantRef, Money money, Instant expiresAt) {
        return new Agreement(agreementId, bindId, cardLast4, profile, phoneMasked, createdAt, code, merchantRef, money,
                expiresAt, 0);
    }

    Agreement withAttempts(int attempts) {
        return new Agreement(agreementId, bindId, cardLast4, profile, phoneMasked, createdAt, payOtp, payOtpRef,
                payOtpMoney, payOtpExpiresAt, attempts);
    }

    Agreement withoutCode() {
        return new Agreement(agreementId, bindId, cardLast4, profile, phoneMasked, createdAt, null, null, null, null, 0);
    }
}
