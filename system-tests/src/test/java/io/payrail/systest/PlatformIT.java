package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The operational endpoints: health with its database and broker checks, and the OpenAPI document. */
class PlatformIT {

    @Test
    void healthIsUpWithDatabaseAndBrokerChecks() {
        Gateway.Answer answer = Gateway.get("/health");

        assertThat(answer.status()).isEqualTo(200);
        JsonObject health = answer.json();
        assertThat(health.getString("status")).isEqualTo("UP");
        Map<String, String> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertThat(checks).containsEntry("database", "UP").containsEntry("broker", "UP");
    }

    @Test
    void openApiDescribesThePaymentsApi() {
        Gateway.Answer answer = Gateway.get("/openapi");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("/api/v1/payments:").contains("/api/v1/payments/{id}:")
                .contains("CreatePaymentRequest").contains("application/problem+json");
    }
}
