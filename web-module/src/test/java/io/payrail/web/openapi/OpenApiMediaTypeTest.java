package io.payrail.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiMediaTypeTest {

    @Test
    void yamlIsAskedOfPayaraInItsOwnSpelling() {
        assertThat(OpenApiMediaType.accept("application/yaml")).isEqualTo("text/plain");
        assertThat(OpenApiMediaType.accept("application/x-yaml, application/json;q=0.5")).isEqualTo("text/plain, application/json;q=0.5");
        assertThat(OpenApiMediaType.accept("application/json")).isEqualTo("application/json");
        assertThat(OpenApiMediaType.accept(null)).isNull();
    }

    @Test
    void payarasYamlIsLabelledApplicationYaml() {
        assertThat(OpenApiMediaType.contentType("text/plain")).isEqualTo("application/yaml");
        assertThat(OpenApiMediaType.contentType("text/plain;charset=UTF-8")).isEqualTo("application/yaml;charset=UTF-8");
        assertThat(OpenApiMediaType.contentType("application/json")).isEqualTo("application/json");
    }
}
