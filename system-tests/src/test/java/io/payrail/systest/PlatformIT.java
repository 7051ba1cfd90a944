package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The operational and public endpoints: health, the OpenAPI contract, the platform certificates. */
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
    void openApiDescribesTheMerchantApi() {
        Gateway.Answer answer = Gateway.get("/openapi");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/yaml");
        assertThat(answer.body()).contains("/api/v1/payments:").contains("/api/v1/payments/{id}:")
                .contains("/api/v1/payments/{id}/refunds:").contains("/api/v1/platform/certificates:")
                .contains("CreatePaymentRequest").contains("application/problem+json");
    }

    @Test
    void openApiIsYamlOrJsonAsAsked() {
        Gateway.Answer yaml = Gateway.get(Gateway.baseUrl() + "/openapi", Map.of("Accept", "application/yaml"));
        Gateway.Answer json = Gateway.get(Gateway.baseUrl() + "/openapi", Map.of("Accept", "application/json"));

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).isEqualTo("application/yaml");
        assertThat(yaml.body()).startsWith("openapi:");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).isEqualTo("application/json");
        assertThat(json.json().getString("openapi")).startsWith("3.");
    }

    @Test
    void platformCertificatesArePublicAndNameTheSigningKey() {
        Gateway.Answer answer = Gateway.get("/api/v1/platform/certificates");

        assertThat(answer.status()).isEqualTo(200);
        JsonObject body = answer.json();
        String signing = body.getString("signingKeyId");
        assertThat(body.getJsonArray("certificates").getValuesAs(JsonObject.class))
                .anySatisfy(c -> {
                    assertThat(c.getString("keyId")).isEqualTo(signing);
                    assertThat(c.getString("pem")).startsWith("-----BEGIN CERTIFICATE-----");
                });
    }
}
