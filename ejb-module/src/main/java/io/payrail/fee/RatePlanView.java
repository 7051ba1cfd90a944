package io.payrail.fee;

import io.payrail.order.domain.PaymentMethod;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;

/** A rate plan as operators see it. */
public record RatePlanView(String id, String merchantId, PaymentMethod paymentMethod, String currency,
                           LocalDate effectiveFrom, FeeTerms terms, Instant createdAt, String createdBy) {

    static RatePlanView of(RatePlan p) {
        return new RatePlanView(p.id(), p.merchantId(), p.paymentMethod(), p.currency(), p.effectiveFrom(), p.terms(),
                p.createdAt(), p.createdBy());
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("merchantId", merchantId)
                .add("paymentMethod", paymentMethod.name()).add("currency", currency)
                .add("effectiveFrom", effectiveFrom.toString()).add("rateBps", terms.rateBps())
                .add("fixedMinor", terms.fixedMinor()).add("minMinor", terms.minMinor());
        if (terms.maxMinor() != null) {
            b.add("maxMinor", terms.maxMinor());
        }
        return b.add("refundPolicy", terms.refundPolicy().name()).add("createdAt", createdAt.toString())
                .add("createdBy", createdBy).build();
    }
}
