package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.Map;
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
                Arguments.of("unknown currency", body("\"currency\":\"XYZ\""), "VALIDATION_FAILED", "currency"),
                Arguments.of("lower-case currency", body("\"currency\":\"usd\""), "VALIDATION_FAILED", "currency"),
                Arguments.of("metal, not money", body("\"currency\":\"XAU\""), "VALIDATION_FAILED", "currency"),
                Arguments.of("currency the merchant does not take", body("\"currency\":\"GBP\""), "CURRENCY_NOT_ENABLED", null),
                Arguments.of("missing merchant order number", "{\"amount\":100,\"currency\":\"USD\",\"subject\":\"s\","
                        + "\"paymentMethod\":\"BANK_CARD\"}", "VALIDATION_FAILED", "merchantOrderNo"),
                Arguments.of("missing amount", "{\"merchantOrderNo\":\"bad-1\",\"currency\":\"USD\",\"subject\":\"s\","
                        + "\"paymentMethod\":\"BANK_CARD\"}", "VALIDATION_FAILED", "amount"),
                Arguments.of("unknown payment method", body("\"paymentMethod\":\"CASH\""), "MALFORMED_REQUEST", "paymentMethod"),
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
}
