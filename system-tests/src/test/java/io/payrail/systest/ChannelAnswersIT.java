package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the platform makes of a bank's answers when the bank misbehaves in ways that look like a
 * decision but are not one, and when it takes other money than asked. Every test checks the
 * simulator's own record of what the bank did.
 */
class ChannelAnswersIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final TestMerchant merchant = Merchants.demo();

    @BeforeEach
    void quiet() {
        // failure injection applies to the banks' next requests: let earlier payments finish first
        Await.until("earlier card payments to finish", LIMIT, () -> Database.ordersInFlight() == 0);
    }

    @AfterEach
    void resetChannels() {
        Simulator.reset();
    }

    private String paidOrder(long amount) {
        String id = merchant.pay(Payments.newOrderNo("answers"), amount);
        assertThat(Payments.awaitFinal(merchant, id, LIMIT).getString("state")).isEqualTo("SUCCEEDED");
        return id;
    }

    private static String refund(String number, long amount) {
        return Json.createObjectBuilder().add("merchantRefundNo", number).add("amount", amount).build().toString();
    }

    /**
     * Finding: a refund whose POST timed out after the bank refunded, then queried into a 401, 403 or
     * 429, became FAILED; its amount became refundable again and a second refund could pay the payer
     * twice. A 4xx to a query says nothing about the money: the refund stays PENDING (its amount
     * still committed) until the bank answers the query, then SUCCEEDED.
     */
    @ParameterizedTest
    @ValueSource(ints = {401, 403, 429})
    void aRefundWhoseQueriesAreRefusedIsNeitherFailedNorRefundableAgain(int queryStatus) {
        String order = paidOrder(1000);
        // the bank refunds at once but answers after 5 s (the platform gives up after 3 s); then its
        // next queries are refused with queryStatus
        Simulator.configure("{\"timeoutNextRequests\":1,\"timeoutMs\":5000,\"failOperations\":[\"QUERY\"],"
                + "\"failStatus\":" + queryStatus + ",\"failNextRequests\":4}");

        PayrailResponse first = merchant.post("/api/v1/payments/" + order + "/refunds", refund("rf-q-" + order, 1000));
        assertThat(first.status()).isEqualTo(201);
        String refundId = TestMerchant.json(first).getString("id");
        Await.until("the bank's queries to have been refused", LIMIT,
                () -> Simulator.config().getInt("failNextRequests") == 0);

        assertThat(TestMerchant.json(merchant.get("/api/v1/refunds/" + refundId)).getString("state"))
                .as("refused queries decide nothing").isEqualTo("PENDING");
        PayrailResponse second = merchant.post("/api/v1/payments/" + order + "/refunds", refund("rf-q2-" + order, 1000));
        assertThat(second.status()).as("the first refund still holds the amount").isEqualTo(422);
        assertThat(TestMerchant.json(second).getString("code")).isEqualTo("REFUND_EXCEEDS_AVAILABLE");

        JsonObject done = Await.until("refund " + refundId + " to finish", LIMIT,
                () -> TestMerchant.json(merchant.get("/api/v1/refunds/" + refundId)),
                r -> !"PENDING".equals(r.getString("state")));
        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Payments.awaitState(merchant, order, LIMIT, Set.of("REFUNDED")).getString("state")).isEqualTo("REFUNDED");
        JsonObject bank = Simulator.charges(order);
        assertThat(bank.getInt("refunds")).isEqualTo(1);
        assertThat(bank.getInt("refunded")).isEqualTo(1000);
    }

    /** The same for a payment: a charged payment whose queries are refused is not FAILED. */
    @Test
    void aChargedPaymentWhoseQueriesAreRefusedIsNotFailed() {
        Simulator.configure("{\"timeoutNextRequests\":1,\"timeoutMs\":5000,\"failOperations\":[\"QUERY\"],"
                + "\"failStatus\":401,\"failNextRequests\":3}");

        String id = merchant.pay(Payments.newOrderNo("answers-q"), 2100);
        JsonObject done = Payments.awaitFinal(merchant, id, LIMIT);

        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Simulator.config().getInt("failNextRequests")).as("every refused query was made").isZero();
        assertThat(Simulator.charges(id).getInt("charges")).isEqualTo(1);
        assertThat(Simulator.bank2Charges(id).getInt("requests")).isZero();
    }

    /**
     * Finding: the amount and currency a channel reported were never compared with the order, so a
     * partial capture (or another currency) credited the merchant the full order amount. Now the
     * money taken goes to suspense, the order is held (no success, no notification of one), and a
     * discrepancy is raised for an operator.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"amount\":500}", "{\"currency\":\"EUR\"}"})
    void aCaptureOfOtherMoneyIsHeldInSuspenseForAnOperator(String taken) {
        // the first two pay requests fail unprocessed (500) so that the bank takes other money for
        // this order from the resend on: the override needs the order id, known only once created
        Simulator.configure("{\"failStatus\":500,\"failNextRequests\":2}");
        String id = merchant.pay(Payments.newOrderNo("answers-money"), 1000);
        Simulator.configure("{\"captureOverrides\":{\"" + id + "\":" + taken + "}}");

        Await.until("a discrepancy for " + id, LIMIT,
                () -> Database.count("SELECT COUNT(*) FROM channel_discrepancy WHERE aggregate_id = ?", id) == 1);

        JsonObject payment = merchant.payment(id);
        assertThat(payment.getString("state")).as("never SUCCEEDED for other money").isEqualTo("PROCESSING");
        assertThat(Database.string("SELECT held_reason FROM payment_order WHERE id = ?", id)).contains("SIMBANK reported");
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ? AND entry_type = ?", id,
                "PAYMENT_CAPTURED")).as("nothing booked to the merchant").isZero();
        JsonObject bank = Simulator.charges(id);
        assertThat(bank.getInt("charges")).isEqualTo(1);
        long takenMinor = taken.contains("500") ? 500 : 1000;
        assertThat(Database.count("SELECT COALESCE(SUM(p.amount_minor), 0) FROM posting p JOIN journal_entry e"
                + " ON e.id = p.journal_entry_id WHERE e.reference_id = ? AND e.entry_type = 'CAPTURE_DISCREPANCY'"
                + " AND p.account_type = 'SUSPENSE'", id)).as("what the bank took is in suspense").isEqualTo(-takenMinor);
        assertThat(Database.count("SELECT COUNT(*) FROM notification WHERE aggregate_id = ? AND event_type = ?", id,
                "payment.succeeded")).isZero();
        String listed = Staff.as(Staff.FINANCE, "GET", "/discrepancies", null, 200).body();
        assertThat(listed).contains(id, taken.contains("EUR") ? "CURRENCY_MISMATCH" : "AMOUNT_MISMATCH");

        // the held order is left alone: no more checks, no expiry, no other channel
        assertThat(Database.string("SELECT next_check_at FROM payment_order WHERE id = ?", id)).isNull();
    }

    /** The same for a refund: other money given back goes to suspense and the refund is held. */
    @Test
    void aRefundOfOtherMoneyIsHeldInSuspenseForAnOperator() {
        String order = paidOrder(1200);
        Simulator.configure("{\"failStatus\":500,\"failNextRequests\":2}");
        PayrailResponse created = merchant.post("/api/v1/payments/" + order + "/refunds", refund("rf-m-" + order, 1200));
        assertThat(created.status()).isEqualTo(201);
        String refundId = TestMerchant.json(created).getString("id");
        Simulator.configure("{\"refundOverrides\":{\"" + refundId + "\":{\"amount\":700}}}");

        Await.until("a discrepancy for " + refundId, LIMIT,
                () -> Database.count("SELECT COUNT(*) FROM channel_discrepancy WHERE aggregate_id = ?", refundId) == 1);

        assertThat(TestMerchant.json(merchant.get("/api/v1/refunds/" + refundId)).getString("state")).isEqualTo("PENDING");
        assertThat(merchant.payment(order).getString("state")).as("the payment is not refunded on that word")
                .isEqualTo("SUCCEEDED");
        assertThat(Database.count("SELECT COALESCE(SUM(p.amount_minor), 0) FROM posting p JOIN journal_entry e"
                + " ON e.id = p.journal_entry_id WHERE e.reference_id = ? AND p.account_type = 'SUSPENSE'", refundId))
                .isEqualTo(700);
        assertThat(Simulator.charges(order).getInt("refunded")).isEqualTo(700);
    }
}
