package io.payrail.discrepancy;

import io.payrail.common.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A discrepancy as operators see it. */
public record DiscrepancyView(String id, DiscrepancyKind kind, String channelId, String aggregateType, String aggregateId,
                              String channelTxnId, Money expected, Money reported, String source, String state,
                              String detail, Instant detectedAt) {

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("kind", kind.name()).add("channel", channelId)
                .add("resourceType", aggregateType.toLowerCase(java.util.Locale.ROOT)).add("resourceId", aggregateId);
        if (channelTxnId != null) {
            b.add("channelTxnId", channelTxnId);
        }
        b.add("expected", money(expected)).add("reported", money(reported)).add("source", source).add("state", state);
        if (detail != null) {
            b.add("detail", detail);
        }
        return b.add("detectedAt", detectedAt.toString()).build();
    }

    private static JsonObject money(Money m) {
        return Json.createObjectBuilder().add("amount", m.minorUnits()).add("currency", m.currencyCode()).build();
    }
}
