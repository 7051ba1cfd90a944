package io.payrail.systest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** The merchant's side of the payments API, with the demo merchant the run scripts create. */
final class Payments {

    static final String MERCHANT = "M100001";
    static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CLOSED", "REFUNDED");

    private Payments() {
    }

    static String newOrderNo(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String body(String merchantOrderNo, long amount) {
        return Json.createObjectBuilder().add("merchantId", MERCHANT).add("merchantOrderNo", merchantOrderNo)
                .add("amount", amount).add("currency", "USD").add("subject", "System test order")
                .add("paymentMethod", "BANK_CARD").build().toString();
    }

    static Gateway.Answer create(String merchantOrderNo, long amount) {
        return Gateway.post("/api/v1/payments", body(merchantOrderNo, amount));
    }

    static JsonObject get(String id) {
        Gateway.Answer answer = Gateway.get("/api/v1/payments/" + id);
        if (answer.status() != 200) {
            throw new AssertionError("GET payment " + id + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** Polls the payment until its state is final (at most {@code limit}). */
    static JsonObject awaitFinal(String id, Duration limit) {
        return Await.until("payment " + id + " to reach a final state", limit, () -> get(id),
                p -> FINAL.contains(p.getString("state")));
    }
}
