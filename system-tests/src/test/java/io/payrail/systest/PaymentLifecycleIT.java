package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One payment at a time through every real part: gateway, MySQL, outbox, Artemis, MDB, bank. */
class PaymentLifecycleIT {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @Test
    void anApprovedPaymentSucceedsAndTheBankChargedItOnce() {
        String number = Payments.newOrderNo("approved");

        Gateway.Answer created = Payments.create(number, 1999);

        assertThat(created.status()).isEqualTo(201);
        JsonObject order = created.json();
        String id = order.getString("id");
        assertThat(created.raw().headers().firstValue("Location")).hasValue(Gateway.baseUrl() + "/api/v1/payments/" + id);
        assertThat(order.getString("state")).isIn("CREATED", "PROCESSING", "SUCCEEDED");
        assertThat(order.getJsonNumber("amount").longValueExact()).isEqualTo(1999);

        JsonObject done = Payments.awaitFinal(id, FIVE_SECONDS);

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
        String number = Payments.newOrderNo("declined");
        String id = Payments.create(number, 1013).json().getString("id");

        JsonObject done = Payments.awaitFinal(id, FIVE_SECONDS);

        assertThat(done.getString("state")).isEqualTo("FAILED");
        assertThat(done.getString("failureCode")).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(Simulator.charges(id).getInt("charges")).isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ?", id)).isZero();
    }

    @Test
    void aPaymentIsFoundByItsMerchantOrderNumber() {
        String number = Payments.newOrderNo("lookup");
        String id = Payments.create(number, 500).json().getString("id");

        Gateway.Answer found = Gateway.get("/api/v1/payments?merchantId=" + Payments.MERCHANT + "&merchantOrderNo=" + number);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().getString("id")).isEqualTo(id);
        Payments.awaitFinal(id, FIVE_SECONDS);
    }

    @Test
    void anIdenticalRetryReturnsTheSameOrderAndAReuseIsAConflict() {
        String number = Payments.newOrderNo("retry");
        Gateway.Answer first = Payments.create(number, 2500);
        Gateway.Answer retry = Payments.create(number, 2500);
        Gateway.Answer reuse = Payments.create(number, 2600);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.isProblem()).isTrue();
        assertThat(reuse.json().getString("code")).isEqualTo("MERCHANT_ORDER_NO_CONFLICT");
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?", number)).isEqualTo(1);
        Payments.awaitFinal(first.json().getString("id"), FIVE_SECONDS);
        assertThat(Simulator.charges(first.json().getString("id")).getInt("charges")).isEqualTo(1);
    }

    @Test
    void anUnknownPaymentIsA404Problem() {
        Gateway.Answer answer = Gateway.get("/api/v1/payments/pay_DOESNOTEXIST");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
        JsonObject problem = answer.json();
        assertThat(problem.getString("code")).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(problem.getInt("status")).isEqualTo(404);
        assertThat(problem.getString("type")).isEqualTo("urn:payrail:error:PAYMENT_NOT_FOUND");
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/payments/pay_DOESNOTEXIST");
    }
}
