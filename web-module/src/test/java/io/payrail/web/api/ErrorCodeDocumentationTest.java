package io.payrail.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.common.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The published error list and the OpenAPI contract name every code the platform can return. */
class ErrorCodeDocumentationTest {

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsInDocsErrorsMd(ErrorCode code) throws IOException {
        assertThat(read("../docs/errors.md")).contains("| `" + code.name() + "` |");
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsInTheOpenApiContract(ErrorCode code) throws IOException {
        assertThat(read("src/main/resources/META-INF/openapi.yaml")).contains(code.name());
    }
}
