package io.payrail.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.testing.FakePlatform;
import io.payrail.sdk.testing.FakePlatform.Signing;
import io.payrail.sdk.testing.TestKeys;
import io.payrail.sdk.verification.PlatformCertificates;
import io.payrail.sdk.verification.SignatureVerificationException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PayrailClient end to end against {@link FakePlatform}, which checks signatures with its own code. */
class PayrailClientTest {

    private static final String BODY = "{\"merchantOrderNo\":\"demo-1\",\"amount\":1999,\"currency\":\"EUR\","
            + "\"subject\":\"Caf\u00e9 cr\u00e8me \u2615\"}";

    private FakePlatform platform;

    @BeforeEach
    void start() throws IOException {
        platform = FakePlatform.start(TestKeys.MERCHANT.getPublic());
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private PayrailClient.Builder client() {
        return PayrailClient.builder()
                .baseUri(platform.baseUri())
                .merchantId(FakePlatform.MERCHANT_ID)
                .keyId(FakePlatform.KEY_ID)
                .privateKey(TestKeys.privateKey(TestKeys.MERCHANT))
                .requestTimeout(Duration.ofSeconds(10));
    }

    @Test
    void aPostArrivesWithExactlyTheSignedBytesAndItsSignedAnswerVerifies() throws Exception {
        PayrailResponse response = client().fetchPlatformCertificates().build()
                .post("/api/v1/payments", BODY, "order-demo-1");

        FakePlatform.Received received = platform.last();
        assertThat(received.authFailure()).isNull();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawTarget()).isEqualTo("/api/v1/payments");
        assertThat(received.body()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(received.header("Content-type")).isEqualTo("application/json");
        assertThat(received.header("Idempotency-key")).isEqualTo("order-demo-1");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(FakePlatform.CREATED_BODY);
        assertThat(response.isSignatureVerified()).isTrue();
        assertThat(response.signature().orElseThrow().keyId()).isEqualTo("PLATFORM-1");
        assertThat(response.header("content-type")).contains("application/json");
    }

    @Test
    void aGetSignsThePercentEncodedQueryAsSentAndAnEmptyBody() throws Exception {
        String target = "/api/v1/payments?subject=Caf%C3%A9%20cr%C3%A8me&state=SUCCEEDED&limit=10";

        PayrailResponse response = client().fetchPlatformCertificates().build().get(target);

        assertThat(platform.last().authFailure()).isNull();
        assertThat(platform.last().rawTarget()).isEqualTo(target);
        assertThat(platform.last().body()).isEmpty();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"items\":[]}");
    }

    @Test
    void aBasePathIsPartOfTheSignedTarget() throws Exception {
        PayrailClient client = client().baseUri(platform.baseUri() + "/gateway/").fetchPlatformCertificates().build();

        client.send("delete", "/api/v1/things/1", null, Map.of("X-Trace", "t-1"));

        assertThat(platform.last().authFailure()).isNull();
        assertThat(platform.last().method()).isEqualTo("DELETE");
        assertThat(platform.last().rawTarget()).isEqualTo("/gateway/api/v1/things/1");
        assertThat(platform.last().header("X-trace")).isEqualTo("t-1");
    }

    @Test
    void certificatesAreFetchedOnceAndPinnedOnesNever() throws Exception {
        PayrailClient fetching = client().fetchPlatformCertificates().build();
        fetching.get("/api/v1/payments");
        fetching.post("/api/v1/payments", BODY);
        assertThat(platform.certificateFetches()).isEqualTo(1);

        PayrailClient pinned = client().platformCertificates(
                PlatformCertificates.of("PLATFORM-1", TestKeys.PLATFORM_1_CERTIFICATE)).build();
        assertThat(pinned.get("/api/v1/payments").isSignatureVerified()).isTrue();
        assertThat(platform.certificateFetches()).isEqualTo(1);
    }

    @Test
    void aRotatedPlatformKeyIsPickedUpByFetchingAgain() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        PayrailClient client = client().clock(clock).fetchPlatformCertificates().build();
        client.get("/api/v1/payments");

        platform.rotateToSecondKey();
        clock.advance(Duration.ofSeconds(61));
        PayrailResponse response = client.get("/api/v1/payments");

        assertThat(response.signature().orElseThrow().keyId()).isEqualTo("PLATFORM-2");
        assertThat(platform.certificateFetches()).isEqualTo(2);
        assertThat(client.platformCertificates().keyIds()).containsExactlyInAnyOrder("PLATFORM-1", "PLATFORM-2");
    }

    @Test
    void aPinnedClientRefusesAResponseFromAnUnknownKey() {
        PayrailClient pinned = client().platformCertificates(
                PlatformCertificates.of("PLATFORM-1", TestKeys.PLATFORM_1_CERTIFICATE)).build();
        platform.rotateToSecondKey();

        assertThatThrownBy(() -> pinned.get("/api/v1/payments"))
                .isInstanceOfSatisfying(UnverifiedResponseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY_ID));
        assertThat(platform.certificateFetches()).isZero();
    }

    @Test
    void aTamperedAnswerIsRefusedAndKeptOnlyForDiagnosis() {
        PayrailClient client = client().fetchPlatformCertificates().build();
        platform.signing(Signing.TAMPERED_BODY);

        assertThatThrownBy(() -> client.post("/api/v1/payments", BODY))
                .isInstanceOfSatisfying(UnverifiedResponseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
                    assertThat(e.unverifiedResponse().status()).isEqualTo(201);
                    assertThat(e.unverifiedResponse().body()).contains("SUCCEEDED");
                    assertThat(e.unverifiedResponse().isSignatureVerified()).isFalse();
                })
                .isInstanceOf(IOException.class);
    }

    @Test
    void anUnsignedOrStaleAnswerIsRefused() throws Exception {
        PayrailClient client = client().fetchPlatformCertificates().build();
        client.get("/api/v1/payments");

        platform.signing(Signing.UNSIGNED);
        assertThatThrownBy(() -> client.get("/api/v1/payments"))
                .isInstanceOfSatisfying(UnverifiedResponseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER));

        platform.signing(Signing.STALE);
        assertThatThrownBy(() -> client.get("/api/v1/payments"))
                .isInstanceOfSatisfying(UnverifiedResponseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_SKEW));
    }

    @Test
    void anAnswerReplayedFromAnotherRequestIsRefused() throws Exception {
        PayrailClient client = client().fetchPlatformCertificates().build();
        assertThat(client.post("/api/v1/payments", BODY).status()).isEqualTo(201);

        // the same signed bytes again, fresh enough, but made for the first request's nonce
        platform.signing(Signing.REPLAY_PREVIOUS);
        assertThatThrownBy(() -> client.get("/api/v1/payments"))
                .isInstanceOfSatisfying(UnverifiedResponseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT);
                    assertThat(e.unverifiedResponse().status()).isEqualTo(201);
                });
    }

    @Test
    void anAnswerMadeForAnotherMerchantIsRefused() throws Exception {
        PayrailClient merchantA = client().fetchPlatformCertificates().build();
        PayrailClient merchantB = client().merchantId("M100002").fetchPlatformCertificates().build();
        // B's own answers verify for B (here: a signed refusal, B is unknown to the fake)
        assertThat(merchantB.get("/api/v1/payments").status()).isEqualTo(401);
        merchantA.post("/api/v1/payments", BODY);

        platform.signing(Signing.REPLAY_PREVIOUS);
        assertThatThrownBy(() -> merchantB.get("/api/v1/payments"))
                .isInstanceOfSatisfying(UnverifiedResponseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT);
                    assertThat(e.getMessage()).contains("merchant 'M100001'");
                });
    }

    @Test
    void verificationIsOffOnlyWhenAskedFor() throws Exception {
        platform.signing(Signing.UNSIGNED);

        PayrailResponse response = client().disableResponseVerification().build().get("/api/v1/payments");

        assertThat(response.isSignatureVerified()).isFalse();
        assertThat(response.status()).isEqualTo(200);
        assertThat(platform.certificateFetches()).isZero();
        assertThatThrownBy(() -> client().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fetchPlatformCertificates()");
        assertThatThrownBy(() -> client().fetchPlatformCertificates().disableResponseVerification())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyThePlatformDoesNotKnowGets401FromIt() throws Exception {
        PayrailClient stranger = client().privateKey(TestKeys.privateKey(TestKeys.OTHER_MERCHANT))
                .fetchPlatformCertificates().build();

        PayrailResponse response = stranger.post("/api/v1/payments", BODY);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("AUTH_SIGNATURE_INVALID");
        assertThat(response.isSignatureVerified()).isTrue();
    }

    @Test
    void requestsThatCannotBeSentAsSignedAreRefusedBeforeSending() {
        PayrailClient client = client().fetchPlatformCertificates().build();

        assertThatThrownBy(() -> client.get("/api/v1/payments?subject=caf\u00e9"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.get("/api/v1/payments#x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.send("POST", "/api/v1/payments", BODY, Map.of("authorization", "x")))
                .hasMessageContaining("Authorization");
        assertThatThrownBy(() -> client.post("/api/v1/payments", BODY, " padded"))
                .hasMessageContaining("Idempotency-Key");
        assertThatThrownBy(() -> client.post("/api/v1/payments", BODY, "x".repeat(256)))
                .hasMessageContaining("Idempotency-Key");
        assertThat(platform.received()).isEmpty();
    }

    @Test
    void aMissingCertificatesEndpointSaysWhatToCheck() {
        PayrailClient client = client().baseUri(platform.baseUri() + "/nowhere").fetchPlatformCertificates().build();
        platform.close();

        assertThatThrownBy(() -> client.get("/api/v1/payments"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/nowhere/api/v1/platform/certificates failed");
    }

    @Test
    void baseUrisWithQueriesOrOtherSchemesAreRefused() {
        assertThatThrownBy(() -> PayrailClient.builder().baseUri("ftp://host")).hasMessageContaining("scheme://host");
        assertThatThrownBy(() -> PayrailClient.builder().baseUri("https://host/?a=b"))
                .hasMessageContaining("scheme://host");
        assertThatThrownBy(() -> PayrailClient.builder().baseUri("localhost:8181"))
                .hasMessageContaining("scheme://host");
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
