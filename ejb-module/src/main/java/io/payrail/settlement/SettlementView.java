package io.payrail.settlement;

import io.payrail.common.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A settlement batch as merchants and operators see it; amounts in minor units of its currency:
 * net = gross − refunds − fees + adjustments (accepted discrepancy cases, either sign).
 */
public record SettlementView(String id, String merchantId, String currency, LocalDate settlementDay, String state,
                             long grossMinor, long refundsMinor, long feesMinor, long netMinor, int lines,
                             Instant createdAt, String approvedBy, Instant approvedAt, String transferId,
                             Instant paidAt, String failure, int payoutAttempt, long adjustmentsMinor) {

    /**
     * The payout's reference at the bank, its idempotency key: the settlement id for the first
     * attempt, {@code <id>-<n>} for the n-th after a rejected one (the bank decides once per reference).
     */
    public String transferRef() {
        return payoutAttempt <= 1 ? id : id + "-" + payoutAttempt;
    }

    public Money net() {
        return Money.ofMinor(netMinor, currency);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("merchantId", merchantId)
                .add("currency", currency).add("settlementDay", settlementDay.toString()).add("state", state)
                .add("gross", grossMinor).add("refunds", refundsMinor).add("fees", feesMinor)
                .add("adjustments", adjustmentsMinor).add("net", netMinor)
                .add("lines", lines).add("createdAt", createdAt.toString());
        if (approvedBy != null) {
            b.add("approvedBy", approvedBy).add("approvedAt", approvedAt.toString());
        }
        if (transferId != null) {
            b.add("transferId", transferId);
        }
        if (paidAt != null) {
            b.add("paidAt", paidAt.toString());
        }
        if (failure != null) {
            b.add("failure", failure);
        }
        if (payoutAttempt > 1) {
            b.add("payoutAttempt", payoutAttempt).add("transferRef", transferRef());
        }
        return b.build();
    }
}
