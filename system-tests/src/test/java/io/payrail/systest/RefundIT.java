package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Refunds: partial and full, several per payment, never more than paid, idempotent by refund number. */
class RefundIT {

    private final TestMerchant merchant = Merchants.fresh("REFUND", 10_000);

    private static String refund(String number, long amount) {
        return Json.createObjectBuilder().add("merchantRefundNo", number).add("amount", amount)
                .add("reason", "returned goods").build().toString();
    }

    private String paidOrder(long amount) {
        String id = merchant.pay(Payments.newOrderNo("refund"), amount);
        assertThat(Payments.awaitFinal(merchant, id, Duration.ofSeconds(10)).getString("state")).isEqualTo("SUCCEEDED");
        return id;
    }

    private JsonObject awaitRefund(String refundId) {
        return Await.until("refund " + refundId + " to finish", Duration.ofSeconds(15),
                () -> TestMerchant.json(merchant.get("/api/v1/refunds/" + refundId)),
                r -> !"PENDING".equals(r.getString("state")));
    }

    @Test
    void partialRefundsAddUpToAFullRefund() {
        String order = paidOrder(1000);

        PayrailResponse first = merchant.post("/api/v1/payments/" + order + "/refunds", refund("rf-1-" + order, 300));
        assertThat(first.status()).isEqualTo(201);
        assertThat(awaitRefund(TestMerchant.json(first).getString("id")).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Payments.awaitState(merchant, order, Duration.ofSeconds(10), Set.of("PARTIALLY_REFUNDED"))
                .getString("state")).isEqualTo("PARTIALLY_REFUNDED");

        PayrailResponse second = merchant.post("/api/v1/payments/" + order + "/refunds", refund("rf-2-" + order, 700));
        assertThat(second.status()).isEqualTo(201);
        assertThat(awaitRefund(TestMerchant.json(second).getString("id")).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Payments.awaitState(merchant, order, Duration.ofSeconds(10), Set.of("REFUNDED")).getString("state"))
                .isEqualTo("REFUNDED");

        JsonObject list = TestMerchant.json(merchant.get("/api/v1/payments/" + order + "/refunds"));
        assertThat(list.getJsonArray("items")).hasSize(2);
        assertThat(Database.count("SELECT COALESCE(SUM(p.amount_minor), 0) FROM posting p JOIN journal_entry e"
                + " ON e.id = p.journal_entry_id WHERE e.reference_id IN (SELECT id FROM refund WHERE payment_order_id = ?)",
                order)).as("every refund booked balanced").isZero();
    }

    @Test
    void aRefundOverWhatRemainsIsRefusedAndWritesNothing() {
        String order = paidOrder(1000);
        assertThat(merchant.post("/api/v1/payments/" + order + "/refunds", refund("rf-a-" + order, 600)).status())
                .isEqualTo(201);
        long refunds = Database.count("SELECT COUNT(*) FROM refund WHERE payment_order_id = ?", order);
        long outbox = Database.count("SELECT COUNT(*) FROM outbox_message");

        PayrailResponse tooMuch = merchant.post("/api/v1/payments/" + order + "/refunds", refund("rf-b-" + order, 401));

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(TestMerchant.json(tooMuch).getString("code")).isEqualTo("REFUND_EXCEEDS_AVAILABLE");
        assertThat(Database.count("SELECT COUNT(*) FROM refund WHERE payment_order_id = ?", order)).isEqualTo(refunds);
        assertThat(Database.count("SELECT COUNT(*) FROM outbox_message")).isEqualTo(outbox);
        assertThat(Database.count("SELECT COUNT(*) FROM refund WHERE merchant_refund_no = ?", "rf-b-" + order)).isZero();
    }

    @Test
    void aRefundNumberIsTheRefundsIdempotencyKey() {
        String order = paidOrder(500);
        String number = "rf-idem-" + order;

        PayrailResponse first = merchant.post("/api/v1/payments/" + order + "/refunds", refund(number, 100));
        PayrailResponse again = merchant.post("/api/v1/payments/" + order + "/refunds", refund(number, 100));
        PayrailResponse reuse = merchant.post("/api/v1/payments/" + order + "/refunds", refund(number, 150));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(TestMerchant.json(again).getString("id")).isEqualTo(TestMerchant.json(first).getString("id"));
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(TestMerchant.json(reuse).getString("code")).isEqualTo("MERCHANT_REFUND_NO_CONFLICT");
        assertThat(Database.count("SELECT COUNT(*) FROM refund WHERE merchant_refund_no = ?", number)).isEqualTo(1);
        assertThat(TestMerchant.json(merchant.get("/api/v1/refunds/merchant-refund-no/" + number)).getString("id"))
                .isEqualTo(TestMerchant.json(first).getString("id"));
    }

    /**
     * Finding: of two identical refund requests arriving together, the second waited for the first
     * (the payment's lock), then counted it against what remains and was refused
     * REFUND_EXCEEDS_AVAILABLE. A retry must get the first one's refund: the number is checked
     * before the cap.
     */
    @Test
    void identicalRefundRequestsArrivingTogetherAllGetTheOneRefund() throws Exception {
        String order = paidOrder(800);
        String body = refund("rf-race-" + order, 800);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<PayrailResponse>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> merchant.post("/api/v1/payments/" + order + "/refunds", body)));
            }
            Set<String> ids = new java.util.HashSet<>();
            int created = 0;
            for (java.util.concurrent.Future<PayrailResponse> answer : answers) {
                PayrailResponse response = answer.get();
                assertThat(response.status()).as(response.body()).isIn(200, 201);
                created += response.status() == 201 ? 1 : 0;
                ids.add(TestMerchant.json(response).getString("id"));
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
            assertThat(awaitRefund(ids.iterator().next()).getString("state")).isEqualTo("SUCCEEDED");
            assertThat(Simulator.charges(order).getInt("refunded")).as("the bank refunded once").isEqualTo(800);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnpaidPaymentCannotBeRefunded() {
        String declined = merchant.pay(Payments.newOrderNo("refund-declined"), 1013);
        Payments.awaitFinal(merchant, declined, Duration.ofSeconds(10));

        PayrailResponse answer = merchant.post("/api/v1/payments/" + declined + "/refunds", refund("rf-x-" + declined, 10));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(TestMerchant.json(answer).getString("code")).isEqualTo("REFUND_NOT_ALLOWED");
    }
}
