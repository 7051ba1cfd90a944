package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * WALLET, the payer-driven channel: its orders wait for the payer and their result comes by signed
 * callback to {@code /api/channel-callbacks/wallet}, with the query as the safety net. The
 * simulator misbehaves on purpose; every test asserts the final state and the wallet's own record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalletChannelIT {

    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final TestMerchant MERCHANT = Merchants.demo();

    /** Created first, left unpaid: the last test sees it closed at its expiry. */
    private static String expiring;

    @BeforeAll
    static void anOrderThatWillExpire() {
        String body = Json.createObjectBuilder().add("merchantOrderNo", Payments.newOrderNo("expiring"))
                .add("amount", 4900).add("currency", "USD").add("subject", "Left unpaid")
                .add("paymentMethod", "WALLET").add("expiresInSeconds", 60).build().toString();
        PayrailResponse created = MERCHANT.post("/api/v1/payments", body);
        assertThat(created.status()).isEqualTo(201);
        expiring = TestMerchant.json(created).getString("id");
        // with WALLET before the tests start, so its callbacks are not the ones they inject faults into
        awaitPayUrl(expiring);
    }

    @AfterEach
    void resetChannels() {
        Simulator.reset();
    }

    /** A new WALLET payment, submitted and waiting for its payer. */
    private static String awaitingPayer(long amount) {
        String id = MERCHANT.pay(Payments.newOrderNo("wallet"), amount, "WALLET");
        awaitPayUrl(id);
        return id;
    }

    /** Until the order is PROCESSING at WALLET, with the payer's page. */
    private static void awaitPayUrl(String id) {
        JsonObject processing = Await.until("the wallet's payUrl for " + id, LIMIT, () -> MERCHANT.payment(id),
                p -> p.containsKey("payUrl") && p.getString("payUrl").contains("/sim/pages/wallet/"));
        assertThat(processing.getString("state")).isEqualTo("PROCESSING");
    }

    private static long transitions(String id, String to, String source) {
        return Database.count("SELECT COUNT(*) FROM state_transition WHERE aggregate_id = ? AND to_state = ?"
                + " AND source = ?", id, to, source);
    }

    private static long notifications(String id, String eventType) {
        return Database.count("SELECT COUNT(*) FROM notification WHERE aggregate_id = ? AND event_type = ?", id, eventType);
    }

    @Test
    @Order(1)
    void duplicatedAndOutOfOrderCallbacksCauseOneTransition() {
        // the next callback (this order's PENDING) is held back until the PAID one has gone first
        Simulator.walletFaults("{\"reorderCallbacks\":{\"holdMs\":20000,\"next\":1}}");
        String id = awaitingPayer(4100);
        Simulator.walletFaults("{\"duplicateCallbacks\":{\"copies\":3,\"refs\":{\"" + id + "\":1}}}");

        Simulator.walletPayerApproves(id);

        assertThat(Payments.awaitFinal(MERCHANT, id, LIMIT).getString("state")).isEqualTo("SUCCEEDED");
        List<JsonObject> events = Await.until("WALLET to deliver every callback of " + id, LIMIT,
                () -> Simulator.walletCallbacks(id).getJsonArray("events").getValuesAs(JsonObject.class),
                list -> list.size() == 2 && list.stream().allMatch(e -> "DELIVERED".equals(e.getString("delivery"))));
        JsonObject paid = events.stream().filter(e -> "PAID".equals(e.getString("status"))).findFirst().orElseThrow();
        assertThat(paid.getInt("acks")).as("the PAID callback was delivered three times").isEqualTo(3);

        assertThat(Database.count("SELECT COUNT(*) FROM state_transition WHERE aggregate_id = ? AND to_state = 'SUCCEEDED'",
                id)).as("one transition, however many copies").isEqualTo(1);
        assertThat(transitions(id, "SUCCEEDED", "CHANNEL_CALLBACK")).isEqualTo(1);
        assertThat(Database.count("SELECT COUNT(*) FROM channel_callback WHERE order_id = ?", id))
                .as("each distinct event recorded once").isEqualTo(2);
        assertThat(Database.string("SELECT status FROM channel_callback WHERE order_id = ? ORDER BY id LIMIT 1", id))
                .as("PAID arrived before PENDING").isEqualTo("SUCCEEDED");
        assertThat(MERCHANT.payment(id).getString("state")).as("the late PENDING changed nothing").isEqualTo("SUCCEEDED");
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ?", id)).isEqualTo(1);
        assertThat(notifications(id, "payment.succeeded")).isEqualTo(1);
        assertThat(Simulator.walletRecord(id).getInt("charges")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aLostCallbackIsResolvedByQuery() {
        String id = awaitingPayer(4200);
        Simulator.walletFaults("{\"loseCallbacks\":{\"refs\":{\"" + id + "\":5}}}");

        Simulator.walletPayerApproves(id);

        assertThat(Payments.awaitFinal(MERCHANT, id, LIMIT).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(transitions(id, "SUCCEEDED", "CHANNEL_QUERY")).as("the query found the payment").isEqualTo(1);
        JsonObject wallet = Simulator.walletRecord(id);
        assertThat(wallet.getInt("callbacksLost")).isGreaterThanOrEqualTo(1);
        assertThat(wallet.getInt("charges")).isEqualTo(1);
        assertThat(Database.count("SELECT COUNT(*) FROM channel_callback WHERE order_id = ? AND status = 'SUCCEEDED'", id))
                .isZero();
        assertThat(notifications(id, "payment.succeeded")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aPaymentThatLandsAfterCloseIsRefundedAutomatically() {
        String id = awaitingPayer(4300);
        Simulator.walletFaults("{\"paidAfterClose\":{\"delayMs\":1000,\"refs\":{\"" + id + "\":1}}}");

        PayrailResponse closed = MERCHANT.post("/api/v1/payments/" + id + "/close", null);

        assertThat(closed.status()).isEqualTo(200);
        assertThat(TestMerchant.json(closed).getString("state")).isEqualTo("CLOSED");
        Await.until("the late payment of " + id + " to be refunded", LIMIT, () -> "SUCCEEDED".equals(Database.string(
                "SELECT state FROM refund WHERE payment_order_id = ? AND kind = 'LATE_PAYMENT'", id)));
        JsonObject wallet = Await.until("WALLET to record the refund", LIMIT, () -> Simulator.walletRecord(id),
                r -> r.getInt("refundsTaken") == 1);
        assertThat(wallet.getInt("charges")).as("the payer did pay after the close").isEqualTo(1);
        assertThat(wallet.getInt("refundedAmount")).as("and got all of it back").isEqualTo(4300);

        assertThat(MERCHANT.payment(id).getString("state")).as("the order stays closed").isEqualTo("CLOSED");
        assertThat(notifications(id, "payment.succeeded")).as("the merchant is never told it was paid").isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM state_transition WHERE aggregate_id = ? AND detail LIKE 'paid after%'",
                id)).as("the audit trail records the late payment").isEqualTo(1);
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ? AND entry_type = 'LATE_PAYMENT_CAPTURED'",
                id)).as("booked to suspense, not to the merchant").isEqualTo(1);
    }

    @Test
    @Order(4)
    void anUnpaidOrderClosesAtItsExpiryAtTheWalletFirst() {
        JsonObject done = Payments.awaitFinal(MERCHANT, expiring, Duration.ofSeconds(120));

        assertThat(done.getString("state")).isEqualTo("CLOSED");
        assertThat(transitions(expiring, "CLOSED", "EXPIRY")).isEqualTo(1);
        JsonObject wallet = Simulator.walletRecord(expiring);
        assertThat(wallet.getString("status")).as("closed at the wallet too").isEqualTo("CLOSED");
        assertThat(wallet.getInt("closeRequests")).isGreaterThanOrEqualTo(1);
        assertThat(wallet.getInt("charges")).isZero();
    }
}
