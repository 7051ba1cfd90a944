package io.payrail.sdk.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.testing.FakePlatform;
import io.payrail.sdk.testing.SelfSignedCertificate;
import io.payrail.sdk.testing.TestKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformCertificatesTest {

    private static final String PEM_1 = json(FakePlatform.pem(TestKeys.PLATFORM_1_CERTIFICATE));
    private static final String PEM_2 = json(FakePlatform.pem(TestKeys.PLATFORM_2_CERTIFICATE));

    @Test
    void theDocumentedShapeIsRead() {
        String document = """
                {
                  "certificates": [
                    {"keyId": "PLATFORM-1", "serialNumber": "1a2b", "notBefore": "2026-01-01T00:00:00Z",
                     "notAfter": "2028-01-01T00:00:00Z", "pem": "%s"},
                    {"keyId": "PLATFORM-2", "pem": "%s", "comment": ["ignored", 1.5e3, true, null, {}]}
                  ]
                }
                """.formatted(PEM_1, PEM_2);

        PlatformCertificates certificates = PlatformCertificates.fromJson(document);

        assertThat(certificates.keyIds()).containsExactly("PLATFORM-1", "PLATFORM-2");
        assertThat(certificates.certificate("PLATFORM-1")).contains(TestKeys.PLATFORM_1_CERTIFICATE);
        assertThat(certificates.certificate("PLATFORM-2")).contains(TestKeys.PLATFORM_2_CERTIFICATE);
        assertThat(certificates.certificate("PLATFORM-3")).isEmpty();
    }

    @Test
    void jsonEscapesInsideThePemAreUndone() {
        String escaped = PEM_1.replace("/", "\\/").replace("-----BEGIN", "\\u002d----BEGIN");

        assertThat(PlatformCertificates.fromJson("{\"certificates\":[{\"keyId\":\"P\\u002d1\",\"pem\":\"" + escaped
                + "\"}]}").certificate("P-1")).contains(TestKeys.PLATFORM_1_CERTIFICATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "[]", "{}", "{\"certificates\":{}}", "{\"certificates\":[]}", "{\"certificates\":[1]}",
        "{\"certificates\":[{\"pem\":\"x\"}]}", "{\"certificates\":[{\"keyId\":\"P1\"}]}",
        "{\"certificates\":[{\"keyId\":\"P1\",\"pem\":\"not a pem\"}]}",
        "{\"certificates\":[]} trailing", "{\"certificates\":[],\"certificates\":[]}",
        "{\"certificates\":[}", "{'certificates':[]}", "{\"certificates\":[01]}", "{\"a\":\"\\x\"}",
        "{\"a\":\"tab\there\"}", "{\"a\":tru}", "{\"a\":1.}", "{\"a\":\"unclosed"})
    void malformedDocumentsAreRefusedWithAReason(String document) {
        assertThatThrownBy(() -> PlatformCertificates.fromJson(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*(JSON|certificate|PEM|BEGIN).*");
    }

    @Test
    void aKeyIdGivenTwiceIsRefused() {
        String document = "{\"certificates\":[{\"keyId\":\"P1\",\"pem\":\"" + PEM_1 + "\"},{\"keyId\":\"P1\",\"pem\":\""
                + PEM_2 + "\"}]}";

        assertThatThrownBy(() -> PlatformCertificates.fromJson(document)).hasMessageContaining("appears twice");
    }

    @Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        assertThatThrownBy(() -> MinimalJson.parse(deep)).hasMessageContaining("nested deeper");
    }

    @Test
    void theMinimalReaderKeepsValuesAsWritten() {
        Object parsed = MinimalJson.parse(" {\"n\":-0.5e-3,\"s\":\"\\ud83d\\ude00 \\\"q\\\" \\\\\",\"l\":[true,false,null]} ");

        assertThat(parsed).isEqualTo(Map.of("n", "-0.5e-3", "s", "\ud83d\ude00 \"q\" \\",
                "l", List.of(Boolean.TRUE, Boolean.FALSE, MinimalJson.NULL)));
    }

    @Test
    void aWeakOrNonRsaCertificateIsRefused() {
        var weak = SelfSignedCertificate.create(TestKeys.rsa(1024), "weak", Instant.now(), Instant.now().plusSeconds(60));

        assertThatThrownBy(() -> PlatformCertificates.of("P1", weak)).hasMessageContaining("2048 bits");
    }

    private static String json(String pem) {
        return pem.replace("\n", "\\n");
    }
}
