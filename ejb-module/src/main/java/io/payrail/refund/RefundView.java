package io.payrail.refund;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** What the outside world may know of a refund. */
public record RefundView(String id, String paymentOrderId, String merchantId, String merchantRefundNo, long amountMinor,
                         String currency, String reason, RefundState state, String failureCode, String failureMessage,
                         Instant createdAt, Instant updatedAt, Instant finishedAt) {

    /** The refund as the merchant API shows it (notifications carry the same object). */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("paymentId", paymentOrderId)
                .add("merchantRefundNo", merchantRefundNo).add("amount", amountMinor).add("currency", currency);
        if (reason != null) {
            b.add("reason", reason);
        }
        b.add("state", state.name());
        if (failureCode != null) {
            b.add("failureCode", failureCode);
        }
        if (failureMessage != null) {
            b.add("failureMessage", failureMessage);
        }
        b.add("createdAt", createdAt.toString()).add("updatedAt", updatedAt.toString());
        if (finishedAt != null) {
            b.add("finishedAt", finishedAt.toString());
        }
        return b.build();
    }

    static RefundView of(Refund r) {
        return new RefundView(r.id(), r.paymentOrderId(), r.merchantId(), r.merchantRefundNo(), r.amount().minorUnits(),
                r.amount().currencyCode(), r.reason(), r.state(), r.failureCode(), r.failureMessage(), r.createdAt(),
                r.updatedAt(), r.finishedAt());
    }
}
