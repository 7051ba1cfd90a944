package io.payrail.systest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** Payment bodies and waiting for outcomes; the demo merchant is the one the run scripts create. */
final class Payments {

    static final String MERCHANT = "M100001";
    static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CLOSED", "REFUNDED");

    private Payments() {
    }

    static String newOrderNo(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String body(String merchantOrderNo, long amount) {
        return body(merchantOrderNo, amount, "BANK_CARD");
    }

    static String body(String merchantOrderNo, long amount, String paymentMethod) {
        return Json.createObjectBuilder().add("merchantOrderNo", merchantOrderNo).add("amount", amount)
                .add("currency", "USD").add("subject", "System test order").add("paymentMethod", paymentMethod)
                .build().toString();
    }

    /** Polls the payment until its state is final (at most {@code limit}). */
    static JsonObject awaitFinal(TestMerchant merchant, String id, Duration limit) {
        return awaitState(merchant, id, limit, FINAL);
    }

    static JsonObject awaitState(TestMerchant merchant, String id, Duration limit, Set<String> states) {
        return Await.until("payment " + id + " to reach " + states, limit, () -> merchant.payment(id),
                p -> states.contains(p.getString("state")));
    }
}
