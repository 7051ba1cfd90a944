package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Release blocker: after a database outage the resolver stopped for good (its timer's timeout threw
 * on the failing read, and Payara drops a timer whose timeout fails twice), so checks and expiries
 * stopped until Payara was restarted. Here the database is killed under a payment awaiting a check
 * and a payment awaiting its expiry, kept down for longer than the loops' staleness limit, and
 * brought back: the check and the expiry that fall due afterwards still happen, and health says
 * DOWN while the loops cannot work and UP once they do again.
 */
class OutageIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);
    /** Longer than the 30 s after which a loop without a completed pass is reported stale. */
    private static final Duration OUTAGE = Duration.ofSeconds(35);

    private final TestMerchant merchant = Merchants.demo();

    @AfterEach
    void restore() {
        Simulator.reset();
    }

    @Test
    void checksAndExpiriesResumeAfterADatabaseOutage() throws InterruptedException {
        Await.until("earlier card payments to finish", LIMIT, () -> Database.ordersInFlight() == 0);
        // every SIMBANK pay request fails unprocessed (500: unknown), so this payment waits for checks
        Simulator.configure("{\"failStatus\":500,\"failNextRequests\":100000}");
        String card = merchant.pay(Payments.newOrderNo("outage-card"), 2300);
        String wallet = walletPayment(OUTAGE.plusSeconds(45));
        Await.until("the card payment's first checks", LIMIT,
                () -> Database.count("SELECT check_attempts FROM payment_order WHERE id = ?", card) >= 2);
        Await.until("the wallet payment to wait for its payer", LIMIT,
                () -> merchant.payment(wallet).containsKey("payUrl"));

        Stack.kill("database");
        Thread.sleep(OUTAGE.toMillis());
        PayrailResponse refused = merchant.post("/api/v1/payments", Payments.body(Payments.newOrderNo("outage-new"), 700));
        assertThat(refused.status()).as("an outage is 503, never 500: retry later with the same keys").isEqualTo(503);
        assertThat(TestMerchant.json(refused).getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(refused.header("Retry-After")).isPresent();
        Gateway.Answer during = Gateway.get("/health");
        assertThat(during.status()).isEqualTo(503);
        assertThat(checks(during.json())).containsEntry("database", "DOWN").containsEntry("background-loops", "DOWN");
        Simulator.reset();
        Stack.start("database");
        Instant back = Instant.now();

        JsonObject cardDone = Payments.awaitFinal(merchant, card, LIMIT);
        assertThat(cardDone.getString("state")).as("a check after the outage took it to the bank").isEqualTo("SUCCEEDED");
        assertThat(Simulator.charges(card).getInt("charges")).isEqualTo(1);
        JsonObject walletDone = Payments.awaitFinal(merchant, wallet, LIMIT);
        assertThat(Instant.parse(walletDone.getString("expiresAt"))).as("its expiry fell due after the outage")
                .isAfter(back);
        assertThat(walletDone.getString("state")).isEqualTo("CLOSED");
        assertThat(Simulator.walletRecord(wallet).getString("status")).isEqualTo("CLOSED");
        Await.until("health UP with every loop working", LIMIT, () -> {
            Gateway.Answer health = Gateway.get("/health");
            return health.status() == 200 && "UP".equals(checks(health.json()).get("background-loops"));
        });
    }

    private String walletPayment(Duration expiresIn) {
        String body = Json.createObjectBuilder().add("merchantOrderNo", Payments.newOrderNo("outage-wallet"))
                .add("amount", 1500).add("currency", "USD").add("subject", "outage").add("paymentMethod", "WALLET")
                .add("expiresInSeconds", expiresIn.toSeconds()).build().toString();
        PayrailResponse created = merchant.post("/api/v1/payments", body);
        assertThat(created.status()).isEqualTo(201);
        return TestMerchant.json(created).getString("id");
    }

    private static Map<String, String> checks(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }

}
