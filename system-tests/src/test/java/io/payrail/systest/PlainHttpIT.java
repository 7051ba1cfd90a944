package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's plain-HTTP listener: every API call there is refused with 403 HTTPS_REQUIRED (never
 * a redirect, which would make a client resend a payment in clear), before authentication and
 * before anything is written; only the probes (/health, /openapi) answer.
 */
class PlainHttpIT {

    private final TestMerchant merchant = Merchants.demo();

    private static void assertRefused(Gateway.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.raw().headers().firstValue("Location")).as("no redirect").isEmpty();
        assertThat(answer.json().getString("code")).isEqualTo("HTTPS_REQUIRED");
        int httpsPort = URI.create(Gateway.baseUrl()).getPort();
        assertThat(answer.json().getString("detail")).contains("https://").contains(":" + httpsPort);
    }

    @Test
    void aSignedCreateIsRefusedAndNothingIsWritten() {
        String number = Payments.newOrderNo("plain-http");
        byte[] body = Payments.body(number, 1999).getBytes(StandardCharsets.UTF_8);

        assertRefused(Gateway.post(Gateway.plainHttpUrl() + "/api/v1/payments", body, Map.of("Content-Type",
                "application/json", "Authorization", merchant.authorization("POST", "/api/v1/payments", body))));
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?", number)).isZero();
    }

    @Test
    void aSignedReadIsRefused() {
        assertRefused(Gateway.get(Gateway.plainHttpUrl() + "/api/v1/payments/pay_x",
                Map.of("Authorization", merchant.authorization("GET", "/api/v1/payments/pay_x", new byte[0]))));
    }

    @Test
    void theOperatorApiIsRefused() {
        assertRefused(Gateway.get(Gateway.plainHttpUrl() + "/api/operator/merchants/" + Payments.MERCHANT,
                Map.of("Authorization", "Bearer " + Staff.token(Staff.OPERATIONS))));
    }

    @Test
    void channelCallbacksAndPlatformCertificatesAreRefused() {
        assertRefused(Gateway.post(Gateway.plainHttpUrl() + "/api/channel-callbacks/wallet", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json")));
        assertRefused(Gateway.get(Gateway.plainHttpUrl() + "/api/v1/platform/certificates", Map.of()));
    }

    @Test
    void aCashierVisitIsSentToHttpsAndACashierFormIsRefused() {
        int httpsPort = URI.create(Gateway.baseUrl()).getPort();
        Gateway.Answer visit = Gateway.get(Gateway.plainHttpUrl() + "/cashier/pay.xhtml?t=abc", Map.of());
        assertThat(visit.status()).isEqualTo(301);
        assertThat(visit.raw().headers().firstValue("Location")).hasValue(
                "https://localhost:" + httpsPort + "/cashier/pay.xhtml?t=abc");

        Gateway.Answer form = Gateway.post(Gateway.plainHttpUrl() + "/cashier/pay.xhtml?t=abc",
                "card-number=4111111111111111&card-cvv=737".getBytes(StandardCharsets.US_ASCII),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.raw().headers().firstValue("Location")).as("no redirect").isEmpty();
        assertThat(form.body()).contains("HTTPS only").contains("https://");
    }

    @Test
    void theCashiersJsonEndpointRefusesACardOverPlainHttpAndSendsNothing() {
        JsonObject order = CashierPages.cashierOrder("plain-http", 1234);
        String token = URI.create(order.getString("cashierUrl")).getQuery().replaceFirst("^t=", "");

        assertRefused(Gateway.post(Gateway.plainHttpUrl() + "/api/cashier/" + token + "/card",
                "{\"number\":\"4111111111111111\",\"expiry\":\"12/30\",\"cvv\":\"737\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json")));
        assertThat(Database.state(order.getString("id"))).isEqualTo("CREATED");
        assertThat(Simulator.record("cardgw", order.getString("id")).getInt("payRequests")).isZero();
    }

    @Test
    void theSavedMethodsPageIsSentToHttps() {
        Gateway.Answer visit = Gateway.get(Gateway.plainHttpUrl() + "/cashier/methods.xhtml", Map.of());
        assertThat(visit.status()).isEqualTo(301);
        assertThat(visit.raw().headers().firstValue("Location").orElseThrow()).startsWith("https://");
    }

    @Test
    void theProbesStillAnswerForLoadBalancers() {
        assertThat(Gateway.get(Gateway.plainHttpUrl() + "/health", Map.of()).status()).isEqualTo(200);
        assertThat(Gateway.get(Gateway.plainHttpUrl() + "/openapi", Map.of()).status()).isEqualTo(200);
    }
}
