package io.payrail.order.application;

import io.payrail.order.domain.PaymentMethod;
import io.payrail.order.domain.PaymentOrder;
import io.payrail.order.domain.PaymentOrderState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * What the outside world may know of a payment order.
 *
 * @param closeSource  who began a close at the channel that is not finished yet (API, EXPIRY, or PAYER
 *                     for the payer's close of one attempt), or null; internal, not shown to merchants
 * @param cashierToken the secret of the order's cashier URL (the web tier makes the URL)
 * @param payerMethod  for a CASHIER order, the method of the payer's latest attempt, or null
 * @param channelRef   the reference the holding channel knows the order by (internal)
 * @param payerId      the signed-in payer of the latest cashier attempt, or null (internal)
 */
public record PaymentOrderView(String id, String merchantId, String merchantOrderNo, long amountMinor,
                               String currency, String subject, PaymentMethod paymentMethod,
                               PaymentOrderState state, String channelId, String failureCode,
                               String failureMessage, long version, Instant createdAt, Instant updatedAt,
                               Instant finishedAt, Instant expiresAt, String payUrl, String closeSource,
                               String cashierToken, String returnUrl, PaymentMethod payerMethod, String channelRef,
                               String payerId) {

    /** Whether the payer chooses the method at the cashier. */
    public boolean payerChooses() {
        return paymentMethod == PaymentMethod.CASHIER;
    }

    /** The payment as the merchant API shows it (notifications carry the same object). */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("merchantOrderNo", merchantOrderNo)
                .add("amount", amountMinor).add("currency", currency).add("subject", subject)
                .add("paymentMethod", paymentMethod.name()).add("state", state.name());
        if (payerMethod != null) {
            b.add("payerMethod", payerMethod.name());
        }
        if (failureCode != null) {
            b.add("failureCode", failureCode);
        }
        if (failureMessage != null) {
            b.add("failureMessage", failureMessage);
        }
        if (payUrl != null) {
            b.add("payUrl", payUrl);
        }
        b.add("createdAt", createdAt.toString()).add("updatedAt", updatedAt.toString())
                .add("expiresAt", expiresAt.toString());
        if (finishedAt != null) {
            b.add("finishedAt", finishedAt.toString());
        }
        return b.build();
    }

    public static PaymentOrderView of(PaymentOrder o) {
        return new PaymentOrderView(o.id(), o.merchantId(), o.merchantOrderNo(), o.amount().minorUnits(),
                o.amount().currencyCode(), o.subject(), o.paymentMethod(), o.state(), o.channelId(),
                o.failureCode(), o.failureMessage(), o.version(), o.createdAt(), o.updatedAt(), o.finishedAt(),
                o.expiresAt(), o.payUrl(), o.isCloseRequested() ? o.closeSource() : null, o.cashierToken(),
                o.returnUrl(), o.payerMethod(), o.channelRef(), o.payerId());
    }
}
