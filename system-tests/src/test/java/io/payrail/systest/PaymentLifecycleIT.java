package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One payment at a time through every real part: gateway, MySQL, outbox, Artemis, MDB, bank. */
class PaymentLifecycleIT {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private final TestMerchant merchant = Merchants.demo();

    @Test
    void anApprovedPaymentSucceedsAndTheBankChargedItOnce() {
        PayrailResponse created = merchant.post("/api/v1/payments", Payments.body(Payments.newOrderNo("approved"), 1999));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.isSignatureVerified()).as("the platform signed its answer").isTrue();
        JsonObject order = TestMerchant.json(created);
        String id = order.getString("id");
        assertThat(created.header("Location")).hasValue(Gateway.baseUrl() + "/api/v1/payments/" + id);
        assertThat(order.getString("state")).isIn("CREATED", "PROCESSING", "SUCCEEDED");
        assertThat(order.getJsonNumber("amount").longValueExact()).isEqualTo(1999);

        JsonObject done = Payments.awaitFinal(merchant, id, FIVE_SECONDS);

        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(done.containsKey("finishedAt")).isTrue();
        assertThat(Database.state(id)).isEqualTo("SUCCEEDED");
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ?", id)).isEqualTo(1);
        JsonObject bank = Simulator.charges(id);
        assertThat(bank.getInt("charges")).isEqualTo(1);
        assertThat(bank.getString("status")).isEqualTo("APPROVED");
    }

    @Test
    void aDeclinedPaymentFailsWithTheBanksReason() {
        String id = merchant.pay(Payments.newOrderNo("declined"), 1013);

        JsonObject done = Payments.awaitFinal(merchant, id, FIVE_SECONDS);

        assertThat(done.getString("state")).isEqualTo("FAILED");
        assertThat(done.getString("failureCode")).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(Simulator.charges(id).getInt("charges")).isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ?", id)).isZero();
    }

    @Test
    void aPaymentIsFoundByItsMerchantOrderNumber() {
        String number = Payments.newOrderNo("lookup");
        String id = merchant.pay(number, 500);

        PayrailResponse found = merchant.get("/api/v1/payments/merchant-order-no/" + number);

        assertThat(found.status()).isEqualTo(200);
        assertThat(TestMerchant.json(found).getString("id")).isEqualTo(id);
        Payments.awaitFinal(merchant, id, FIVE_SECONDS);
    }

    @Test
    void anIdenticalRetryReturnsTheSameOrderAndAReuseIsAConflict() {
        String number = Payments.newOrderNo("retry");
        PayrailResponse first = merchant.post("/api/v1/payments", Payments.body(number, 2500));
        PayrailResponse retry = merchant.post("/api/v1/payments", Payments.body(number, 2500));
        PayrailResponse reuse = merchant.post("/api/v1/payments", Payments.body(number, 2600));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        String id = TestMerchant.json(first).getString("id");
        assertThat(TestMerchant.json(retry).getString("id")).isEqualTo(id);
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(TestMerchant.json(reuse).getString("code")).isEqualTo("MERCHANT_ORDER_NO_CONFLICT");
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?", number)).isEqualTo(1);
        Payments.awaitFinal(merchant, id, FIVE_SECONDS);
        assertThat(Simulator.charges(id).getInt("charges")).isEqualTo(1);
    }

    @Test
    void anUnknownPaymentIsA404Problem() {
        PayrailResponse answer = merchant.get("/api/v1/payments/pay_DOESNOTEXIST");

        assertThat(answer.status()).isEqualTo(404);
        JsonObject problem = TestMerchant.json(answer);
        assertThat(problem.getString("code")).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(problem.getInt("status")).isEqualTo(404);
        assertThat(problem.getString("type")).isEqualTo("urn:payrail:error:PAYMENT_NOT_FOUND");
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/payments/pay_DOESNOTEXIST");
    }
}
