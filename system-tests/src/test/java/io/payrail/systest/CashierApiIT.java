package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The cashier's JSON endpoint ({@code /api/cashier/{token}}), as a hosted-payment script (and the
 * fault run's load) uses it: authorised by the cashier token alone, the same rules as the page.
 * A new card and quick pay (bind, code, pay) each reach SUCCEEDED with one charge at the channel;
 * a bad card and a wrong code are typed problems, with nothing sent to be charged.
 */
class CashierApiIT {

    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final TestMerchant MERCHANT = Merchants.demo();

    /** The API path of an order's cashier link (its token). */
    private static String api(JsonObject order) {
        String token = URI.create(order.getString("cashierUrl")).getQuery().replaceFirst("^t=", "");
        return "/api/cashier/" + token;
    }

    private static JsonObject ok(Gateway.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void aNewCardPaysOnceThroughTheJsonEndpoint() {
        JsonObject order = CashierPages.cashierOrder("cashier-api", 1111);
        String id = order.getString("id");

        JsonObject paid = ok(Gateway.post(api(order) + "/card",
                "{\"number\":\"4111 1111 1111 1111\",\"expiry\":\"12/30\",\"cvv\":\"737\"}"));

        assertThat(paid.getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(paid.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Payments.awaitFinal(MERCHANT, id, LIMIT).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Simulator.record("cardgw", id).getInt("charges")).isEqualTo(1);
        // paid: a second card is not sent anywhere
        JsonObject again = ok(Gateway.post(api(order) + "/card", "{\"number\":\"4111111111111111\",\"expiry\":\"12/30\",\"cvv\":\"737\"}"));
        assertThat(again.getString("outcome")).isEqualTo("NOT_PAYABLE");
        assertThat(Simulator.record("cardgw", id).getInt("payRequests")).isEqualTo(1);
    }

    @Test
    void aBadCardIsATypedProblemAndNothingIsSent() {
        JsonObject order = CashierPages.cashierOrder("cashier-api", 1112);
        String id = order.getString("id");

        Gateway.Answer answer = Gateway.post(api(order) + "/card", "{\"number\":\"4111111111111112\",\"expiry\":\"12/30\",\"cvv\":\"737\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("code")).isEqualTo("CARD_INVALID");
        assertThat(answer.json().getString("detail")).contains("NUMBER_INVALID").doesNotContain("4111111111111112");
        assertThat(Database.state(id)).isEqualTo("CREATED");
        assertThat(Simulator.record("cardgw", id).getInt("payRequests")).isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM payment_attempt WHERE order_id = ?", id)).isZero();
    }

    @Test
    void quickPayBindsThenPaysOnceWithATextedCodeAndAWrongCodeIsRefused() {
        JsonObject order = CashierPages.cashierOrder("cashier-api", 1113 + 1000);
        String id = order.getString("id");

        JsonObject binding = ok(Gateway.post(api(order) + "/quickpay/bind",
                "{\"number\":\"4111111111111111\",\"expiry\":\"12/30\",\"phone\":\"+8613800138000\"}"));
        String bindId = binding.getString("bindId");
        String right = Simulator.quickPayCode(bindId);
        Gateway.Answer wrong = Gateway.post(api(order) + "/quickpay/bind/confirm",
                Json.createObjectBuilder().add("bindId", bindId).add("otp", right.equals("000000") ? "111111" : "000000").build().toString());
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().getString("code")).isEqualTo("QUICKPAY_REFUSED");
        assertThat(wrong.json().getString("detail")).startsWith("OTP_INVALID (tries left: 2)");

        String agreementId = ok(Gateway.post(api(order) + "/quickpay/bind/confirm",
                Json.createObjectBuilder().add("bindId", bindId).add("otp", right).build().toString())).getString("agreementId");
        ok(Gateway.post(api(order) + "/quickpay/code", Json.createObjectBuilder().add("agreementId", agreementId).build().toString()));
        JsonObject paid = ok(Gateway.post(api(order) + "/quickpay/pay", Json.createObjectBuilder().add("agreementId", agreementId)
                .add("otp", Simulator.quickPayCode(agreementId)).build().toString()));

        assertThat(paid.getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(Payments.awaitFinal(MERCHANT, id, LIMIT).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Simulator.record("quickpay", id).getInt("charges")).isEqualTo(1);
    }

    @Test
    void anUnknownCashierTokenIsNotFound() {
        Gateway.Answer answer = Gateway.get("/api/cashier/no-such-token");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().getString("code")).isEqualTo("PAYMENT_NOT_FOUND");
    }
}
