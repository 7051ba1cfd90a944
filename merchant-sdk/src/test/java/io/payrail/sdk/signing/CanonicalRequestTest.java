package io.payrail.sdk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalRequestTest {

    private static final String NONCE = "abcdefghijklmnopqrstuvwxyz012345";

    @Test
    void aGetHasAnEmptyBodyLine() {
        CanonicalRequest get = CanonicalRequest.of("GET", "/api/v1/payments?state=SUCCEEDED&limit=10",
                1767225600, NONCE, null);

        assertThat(get.text()).isEqualTo(
                "GET\n/api/v1/payments?state=SUCCEEDED&limit=10\n1767225600\n" + NONCE + "\n\n");
        assertThat(CanonicalRequest.of("GET", "/x", 1, NONCE, "").bytes())
                .isEqualTo(CanonicalRequest.of("GET", "/x", 1, NONCE, null).bytes());
    }

    @Test
    void aPostCarriesItsBodyVerbatim() {
        String body = "{\"subject\":\"Caf\u00e9 \u2615\",\n  \"amount\":1999}";

        CanonicalRequest post = CanonicalRequest.of("post", "/api/v1/payments", 1767225600, NONCE, body);

        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.text()).isEqualTo("POST\n/api/v1/payments\n1767225600\n" + NONCE + "\n" + body + "\n");
        assertThat(post.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(post.bytes()).isEqualTo(post.text().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void percentEncodingIsKeptAsSent() {
        assertThat(CanonicalRequest.of("GET", "/api/v1/payments?subject=Caf%C3%A9%20au%20lait", 1, NONCE, null)
                .requestTarget()).isEqualTo("/api/v1/payments?subject=Caf%C3%A9%20au%20lait");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/v1/payments", "/api/v1/pay ments", "/api/v1/caf\u00e9", "/api/v1/payments#top",
        "/a?b=%zz", "/a?b=%2", "https://host/api", "/a\nb", "/a\"b"})
    void aTargetThatWouldNotBeSentAsGivenIsRefused(String target) {
        assertThatThrownBy(() -> CanonicalRequest.of("GET", target, 1, NONCE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent-encode");
    }

    @Test
    void badMethodsNoncesAndBodiesAreRefused() {
        assertThatThrownBy(() -> CanonicalRequest.of("GE T", "/", 1, NONCE, null)).hasMessageContaining("method");
        assertThatThrownBy(() -> CanonicalRequest.of("GET", "/", 1, "short", null)).hasMessageContaining("nonce");
        assertThatThrownBy(() -> CanonicalRequest.of("GET", "/", 1, NONCE + "!", null)).hasMessageContaining("nonce");
        assertThatThrownBy(() -> CanonicalRequest.of("GET", "/", -1, NONCE, null)).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> CanonicalRequest.of("POST", "/", 1, NONCE, "lone \ud800 surrogate"))
                .hasMessageContaining("not valid Unicode");
    }
}
