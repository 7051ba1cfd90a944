package io.payrail.discrepancy;

import io.payrail.common.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A discrepancy case as operators see it. The reconciliation fields (merchant, statement day,
 * movement) and the maker-checker fields are null where they do not apply.
 */
public record DiscrepancyView(String id, DiscrepancyKind kind, String channelId, String aggregateType, String aggregateId,
                              String channelTxnId, Money expected, Money reported, String source, String state,
                              String detail, Instant detectedAt, String merchantId, LocalDate statementDay,
                              String movementId, String resolution, String resolutionReason, String proposedBy,
                              Instant proposedAt, String decidedBy, Instant decidedAt, String decisionNote) {

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("kind", kind.name()).add("channel", channelId)
                .add("resourceType", aggregateType.toLowerCase(Locale.ROOT)).add("resourceId", aggregateId);
        optional(b, "channelTxnId", channelTxnId);
        b.add("expected", money(expected)).add("reported", money(reported)).add("source", source).add("state", state);
        optional(b, "detail", detail);
        b.add("detectedAt", detectedAt.toString());
        optional(b, "merchantId", merchantId);
        optional(b, "statementDay", statementDay);
        optional(b, "movementId", movementId);
        optional(b, "resolution", resolution);
        optional(b, "resolutionReason", resolutionReason);
        optional(b, "proposedBy", proposedBy);
        optional(b, "proposedAt", proposedAt);
        optional(b, "decidedBy", decidedBy);
        optional(b, "decidedAt", decidedAt);
        optional(b, "decisionNote", decisionNote);
        return b.build();
    }

    private static void optional(JsonObjectBuilder b, String name, Object value) {
        if (value != null) {
            b.add(name, value.toString());
        }
    }

    static JsonObject money(Money m) {
        return Json.createObjectBuilder().add("amount", m.minorUnits()).add("currency", m.currencyCode()).build();
    }
}
