package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input, correctly signed, gets a 400 problem that names the mistake, and nothing is written. */
class InvalidRequestIT {

    private final TestMerchant merchant = Merchants.demo();

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"merchantOrderNo\": \"bad-1\", ", "MALFORMED_REQUEST", null),
                Arguments.of("not an object", "[1,2,3]", "MALFORMED_REQUEST", null),
                Arguments.of("empty body", "", "VALIDATION_FAILED", "body"),
                Arguments.of("negative amount", body("\"amount\":-100"), "VALIDATION_FAILED", "amount"),
                Arguments.of("zero amount", body("\"amount\":0"), "VALIDATION_FAILED", "amount"),
                Arguments.of("fractional amount", body("\"amount\":19.99"), "MALFORMED_REQUEST", "amount"),
                Arguments.of("amount as text", body("\"amount\":\"1999\""), "MALFORMED_REQUEST", "amount"),
                Arguments.of("amount beyond a long", body("\"amount\":92233720368547758070"), "MALFORMED_REQUEST", "amount"),
                Arguments.of("amount over the merchant's limit", body("\"amount\":100000001"), "AMOUNT_OVER_LIMIT", null),
                Arguments.of("amount over the platform's ceiling of 10^12", body("\"amount\":1000000000001"),
                        "VALIDATION_FAILED", "amount"),
                Arguments.of("unknown currency", body("\"currency\":\"XYZ\""), "VALIDATION_FAILED", "currency"),
                Arguments.of("lower-case currency", body("\"currency\":\"usd\""), "VALIDATION_FAILED", "currency"),
                Arguments.of("metal, not money", body("\"currency\":\"XAU\""), "VALIDATION_FAILED", "currency"),
                Arguments.of("currency the merchant does not take", body("\"currency\":\"GBP\""), "CURRENCY_NOT_ENABLED", null),
                Arguments.of("missing merchant order number", "{\"amount\":100,\"currency\":\"USD\",\"subject\":\"s\","
                        + "\"paymentMethod\":\"BANK_CARD\"}", "VALIDATION_FAILED", "merchantOrderNo"),
                Arguments.of("missing amount", "{\"merchantOrderNo\":\"bad-1\",\"currency\":\"USD\",\"subject\":\"s\","
                        + "\"paymentMethod\":\"BANK_CARD\"}", "VALIDATION_FAILED", "amount"),
                Arguments.of("unknown payment method", body("\"paymentMethod\":\"CASH\""), "MALFORMED_REQUEST", "paymentMethod"),
                Arguments.of("a return URL that is not https", body("\"returnUrl\":\"http://shop.example/back\""),
                        "VALIDATION_FAILED", "returnUrl"),
                Arguments.of("a return URL with markup", body("\"returnUrl\":\"https://shop.example/\\\"><script>\""),
                        "VALIDATION_FAILED", "returnUrl"),
                Arguments.of("unknown field", body("\"ammount\":100"), "MALFORMED_REQUEST", "ammount"),
                Arguments.of("merchant id in the body", body("\"merchantId\":\"M2\""), "MALFORMED_REQUEST", "merchantId"),
                Arguments.of("a key given twice", "{\"merchantOrderNo\":\"a\",\"merchantOrderNo\":\"b\",\"amount\":1,"
                        + "\"currency\":\"USD\",\"subject\":\"s\",\"paymentMethod\":\"BANK_CARD\"}", "MALFORMED_REQUEST",
                        "merchantOrderNo"),
                Arguments.of("script in the order number", body("\"merchantOrderNo\":\"<script>alert(1)</script>\""),
                        "VALIDATION_FAILED", "merchantOrderNo"),
                Arguments.of("control character in the subject", body("\"subject\":\"a\\u0000b\""), "VALIDATION_FAILED",
                        "subject"));
    }

    /** A valid body with one member replaced or added. */
    private static String body(String member) {
        String name = member.substring(0, member.indexOf(':'));
        StringBuilder json = new StringBuilder("{");
        String[][] valid = {{"\"merchantOrderNo\"", "\"bad-order\""}, {"\"amount\"", "100"}, {"\"currency\"", "\"USD\""},
                {"\"subject\"", "\"s\""}, {"\"paymentMethod\"", "\"BANK_CARD\""}};
        boolean replaced = false;
        for (String[] field : valid) {
            if (json.length() > 1) {
                json.append(',');
            }
            if (field[0].equals(name)) {
                json.append(member);
                replaced = true;
            } else {
                json.append(field[0]).append(':').append(field[1]);
            }
        }
        if (!replaced) {
            json.append(',').append(member);
        }
        return json.append('}').toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void isRefusedWithAProblemAndWritesNothing(String what, String body, String code, String field) {
        long orders = Database.count("SELECT COUNT(*) FROM payment_order");
        long outbox = Database.count("SELECT COUNT(*) FROM outbox_message");

        PayrailResponse answer = merchant.post("/api/v1/payments", body);

        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = TestMerchant.json(answer);
        assertThat(problem.getString("code")).isEqualTo(code);
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("detail")).isNotBlank().doesNotContain("Exception").doesNotContain("at io.");
        if (field != null) {
            assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                    .extracting(e -> e.getString("field")).contains(field);
        }
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order")).as("no order written").isEqualTo(orders);
        assertThat(Database.count("SELECT COUNT(*) FROM outbox_message")).as("no message written").isEqualTo(outbox);
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws IOException, InterruptedException {
        PayrailResponse answer = merchant.client().send("POST", "/api/v1/payments", "amount=100",
                Map.of("Content-Type", "text/plain"));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(TestMerchant.json(answer).getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedAndWritesNothing() {
        String number = Payments.newOrderNo("not-utf8");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"merchantOrderNo\":\"" + number + "\",\"amount\":100,\"currency\":\"USD\",\"subject\":\"")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        body.writeBytes("\",\"paymentMethod\":\"BANK_CARD\"}".getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = body.toByteArray();

        // signed over exactly these bytes: what the merchant signed is not text Payrail could store
        Gateway.Answer answer = Gateway.post(Gateway.baseUrl() + "/api/v1/payments", bytes, Map.of("Content-Type",
                "application/json", "Authorization", merchant.authorization("POST", "/api/v1/payments", bytes)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("code")).isEqualTo("MALFORMED_REQUEST");
        assertThat(answer.json().getString("detail")).contains("UTF-8");
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?", number))
                .as("nothing stored, nothing charged").isZero();
    }

    @Test
    void aBodyOverTheCapIsRefusedAndWritesNothing() {
        String number = Payments.newOrderNo("too-large");
        byte[] bytes = Json.createObjectBuilder().add("merchantOrderNo", number).add("amount", 100).add("currency", "USD")
                .add("subject", "x".repeat(64 * 1024)).add("paymentMethod", "BANK_CARD").build().toString()
                .getBytes(StandardCharsets.UTF_8);

        Gateway.Answer answer = Gateway.post(Gateway.baseUrl() + "/api/v1/payments", bytes, Map.of("Content-Type",
                "application/json", "Authorization", merchant.authorization("POST", "/api/v1/payments", bytes)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?", number)).isZero();
    }

    @Test
    void everyMessageStatesTheRuleItEnforces() {
        String body = Json.createObjectBuilder().add("merchantOrderNo", "has space").add("amount", 1_000_000_000_001L)
                .add("currency", "USD").add("subject", "x".repeat(129)).add("paymentMethod", "WALLET")
                .add("expiresInSeconds", 59).build().toString();

        PayrailResponse answer = merchant.post("/api/v1/payments", body);

        assertThat(answer.status()).isEqualTo(400);
        Map<String, String> messages = TestMerchant.json(answer).getJsonArray("errors").getValuesAs(JsonObject.class)
                .stream().collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("message"), (a, b) -> a + " | " + b));
        assertThat(messages).containsOnly(
                Map.entry("merchantOrderNo", "must be 1 to 64 characters of A-Z a-z 0-9 _ . : -"),
                Map.entry("amount", "must be a whole number from 1 to 1000000000000 (10^12) minor units"),
                Map.entry("subject", "must be 1 to 128 characters, without control characters or line breaks"),
                Map.entry("expiresInSeconds", "must be from 60 to 604800 seconds (7 days); leave it out for 30 minutes"));
    }
}
