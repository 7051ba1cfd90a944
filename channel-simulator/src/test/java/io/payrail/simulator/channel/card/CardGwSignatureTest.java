package io.payrail.simulator.channel.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.simulator.channel.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/cardgw.md, with the published example keys. */
class CardGwSignatureTest {

    static final long TIMESTAMP = 1772359200L; // 2026-03-01T10:00:00Z
    static final String REQUEST_BODY = "{\"merchantRef\":\"ord_1001\",\"amount\":1000,\"currency\":\"USD\","
            + "\"description\":\"Coffee\",\"card\":{\"number\":\"4111111111111111\",\"expiry\":\"12/30\",\"cvv\":\"123\"}}";
    static final String REQUEST_SIGNATURE = "wo0co+GGLIa9YfKl711Ds5/PoIbHsW2pxVfm7c9AjoUMX+VSPd7QROk1VGv9smHc0JrwSw3Um"
            + "zMyCuz0kkRbf+zKxn+6/5sXvksxDYVcOxGefRskeTuzcBNAqV5KyytJm7/M27fBB+prjcglypcskQGK+ozXeW2SpGKmz0e3eAYo7cc+2n+"
            + "81BXWwf7tmRakjgUEVsUTb011RKs/V4QdRYYaQHZDnalY0Y3Jj+k/t7DXuLXeIPkA9uQUHGcuoCuXWBB4Q/MJYBDTh8LagTCabeAwbsXrK"
            + "gqrRzPLENUh+MHoyqEAX3xU48Dfwu6hCulVPZrPLMAk04JzUpVnUG2/BQ==";
    static final String RESPONSE_BODY = "{\"transactionId\":\"cg_8f14e45fceea167a5a36dedd4bea2543\",\"merchantRef\":"
            + "\"ord_1001\",\"status\":\"PAID\",\"amount\":1000,\"currency\":\"USD\",\"cardLast4\":\"1111\",\"createdAt\":"
            + "\"2026-03-01T10:00:00.120Z\",\"paidAt\":\"2026-03-01T10:00:00.120Z\",\"refundedAmount\":0,\"duplicate\":false}";
    static final String RESPONSE_SIGNATURE = "BNk6cabH3AuUSRRXAF9y0HEAdeG1RNqyDRErvJYoq4R3RRv7x2yBvCQnzLEbJpj9QtqehPlEb"
            + "hQ78JcYc0+/54q1WyfqprKYSmCS7WmxdvyZSq2SykYAuRosW2WcW+KiBonMhR/FdbX+WMhbc0FQEAmyHZv6JKpWsgyqL6U87WMlNuz3fZKn"
            + "5LHiIqF+OKz6DaBuO7pTG2aqDNCof3289rdoYWOW2f9wTsm7koVa5fTBxE2pEu6Ll2oyZoJ2tUmUYNCQ01HkSq6q9zYTiVSA2Lk52TBDrV"
            + "0852ppClqqybyXbYnCTm6mjNlHC83/Sr7FUoSAaSWQUu5gwCkZAbB4eg==";

    @Test
    void theRequestSignatureCoversMethodPathTimestampNonceAndBody() {
        byte[] body = REQUEST_BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(new String(CardGwSignature.requestMessage("POST", "/sim/cardgw/v1/payments", TIMESTAMP,
                "593bec0c930bf1afeb40b4a08c8fb242", body), StandardCharsets.UTF_8))
                .isEqualTo("POST\n/sim/cardgw/v1/payments\n1772359200\n593bec0c930bf1afeb40b4a08c8fb242\n"
                        + REQUEST_BODY + "\n");
        assertThat(CardGwSignature.authorization(TestKeys.PLATFORM_PRIVATE, "POST", "/sim/cardgw/v1/payments",
                TIMESTAMP, "593bec0c930bf1afeb40b4a08c8fb242", body))
                .isEqualTo("CARDGW-RSA-SHA256 timestamp=\"1772359200\",nonce=\"593bec0c930bf1afeb40b4a08c8fb242\","
                        + "signature=\"" + REQUEST_SIGNATURE + "\"");
    }

    @Test
    void theResponseSignatureCoversTimestampNonceAndBody() {
        byte[] body = RESPONSE_BODY.getBytes(StandardCharsets.UTF_8);

        Map<String, String> headers = CardGwSignature.responseHeaders(TestKeys.CHANNEL_PRIVATE, "50cae7f08cc2aed9",
                TIMESTAMP, "c9f0f895fb98ab9159f51fd0297e236d", body);

        assertThat(headers).containsExactly(Map.entry("Cardgw-Timestamp", "1772359200"),
                Map.entry("Cardgw-Nonce", "c9f0f895fb98ab9159f51fd0297e236d"),
                Map.entry("Cardgw-Serial", "50cae7f08cc2aed9"),
                Map.entry("Cardgw-Signature", RESPONSE_SIGNATURE));
        assertThat(CardGwSignature.verifyResponse(TestKeys.CHANNEL_PUBLIC, TIMESTAMP,
                "c9f0f895fb98ab9159f51fd0297e236d", body, RESPONSE_SIGNATURE)).isTrue();
        assertThat(CardGwSignature.verifyResponse(TestKeys.CHANNEL_PUBLIC, TIMESTAMP,
                "c9f0f895fb98ab9159f51fd0297e236d", (RESPONSE_BODY + " ").getBytes(StandardCharsets.UTF_8),
                RESPONSE_SIGNATURE)).isFalse();
    }

    @Test
    void anAuthorizationHeaderIsReadStrictly() {
        String header = "CARDGW-RSA-SHA256 timestamp=\"1772359200\",nonce=\"abc\",signature=\"" + REQUEST_SIGNATURE
                + "\"";

        assertThat(CardGwSignature.parseAuthorization(header)).hasValueSatisfying(a -> {
            assertThat(a.timestamp()).isEqualTo(TIMESTAMP);
            assertThat(a.nonce()).isEqualTo("abc");
            assertThat(a.signature()).isEqualTo(REQUEST_SIGNATURE);
        });
        assertThat(CardGwSignature.parseAuthorization("CARDGW-RSA-SHA256 nonce=\"abc\",timestamp=\"1\","
                + "signature=\"x\"")).isPresent();
        assertThat(CardGwSignature.parseAuthorization(null)).isEmpty();
        assertThat(CardGwSignature.parseAuthorization("Bearer xyz")).isEmpty();
        assertThat(CardGwSignature.parseAuthorization("CARDGW-RSA-SHA256 timestamp=\"soon\",nonce=\"a\","
                + "signature=\"x\"")).isEmpty();
        assertThat(CardGwSignature.parseAuthorization("CARDGW-RSA-SHA256 timestamp=\"1\",signature=\"x\"")).isEmpty();
        assertThat(CardGwSignature.parseAuthorization("CARDGW-RSA-SHA256 timestamp=\"1\",nonce=\"a\","
                + "signature=\"x\" junk")).isEmpty();
    }

    @Test
    void aRequestVerifiesOnlyUnchanged() {
        byte[] body = REQUEST_BODY.getBytes(StandardCharsets.UTF_8);
        CardGwSignature.Authorization auth = new CardGwSignature.Authorization(TIMESTAMP,
                "593bec0c930bf1afeb40b4a08c8fb242", REQUEST_SIGNATURE);

        assertThat(CardGwSignature.verifyRequest(TestKeys.PLATFORM_PUBLIC, "POST", "/sim/cardgw/v1/payments", auth,
                body)).isTrue();
        assertThat(CardGwSignature.verifyRequest(TestKeys.PLATFORM_PUBLIC, "POST", "/sim/cardgw/v1/refunds", auth,
                body)).isFalse();
        assertThat(CardGwSignature.verifyRequest(TestKeys.CHANNEL_PUBLIC, "POST", "/sim/cardgw/v1/payments", auth,
                body)).isFalse();
        assertThat(CardGwSignature.verifyRequest(TestKeys.PLATFORM_PUBLIC, "POST", "/sim/cardgw/v1/payments",
                new CardGwSignature.Authorization(TIMESTAMP + 1, auth.nonce(), auth.signature()), body)).isFalse();
    }
}
