package io.payrail.sdk.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.testing.FakePlatform;
import io.payrail.sdk.testing.SelfSignedCertificate;
import io.payrail.sdk.testing.TestKeys;
import io.payrail.sdk.verification.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformSignatureVerifierTest {

    private static final Instant NOW = Instant.ofEpochSecond(1767225600);
    private static final String NONCE = "0123456789abcdefABCDEF_-01234567";
    private static final String BODY = "{\"id\":\"pay_1\",\"state\":\"SUCCEEDED\",\"subject\":\"Caf\u00e9\"}";

    private final PlatformSignatureVerifier verifier = verifierAt(NOW);

    @Test
    void aGoodResponseVerifies() throws Exception {
        VerifiedSignature verified = verifier.verify(headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY))::get,
                BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(verified).isEqualTo(new VerifiedSignature("PLATFORM-1", NOW, NONCE));
        // the same, given as text
        assertThat(verifier.verify(headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY))::get, BODY))
                .isEqualTo(verified);
    }

    @Test
    void anEmptyBodyIsSignedAsTheEmptyString() throws Exception {
        assertThat(verifier.verify(headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, ""))::get, new byte[0]))
                .extracting(VerifiedSignature::keyId).isEqualTo("PLATFORM-1");
    }

    @Test
    void headerNamesAreCaseInsensitive() throws Exception {
        Map<String, String> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY).forEach((k, v) -> lower.put(k.toLowerCase(), v));

        assertThat(verifier.verify(lower::get, BODY).keyId()).isEqualTo("PLATFORM-1");
    }

    @Test
    void aTamperedBodyIsRefused() {
        Map<String, String> headers = signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY);

        assertRefused(headers, BODY.replace("SUCCEEDED", "FAILED"), Reason.SIGNATURE_INVALID, "altered");
        assertRefused(headers, BODY + "\n", Reason.SIGNATURE_INVALID, "raw body");
    }

    @Test
    void aTamperedTimestampOrNonceIsRefused() {
        Map<String, String> headers = headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY));
        headers.put("Payrail-Timestamp", Long.toString(NOW.getEpochSecond() + 1));
        assertRefused(headers, BODY, Reason.SIGNATURE_INVALID, "does not match");

        headers = headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY));
        headers.put("Payrail-Nonce", NONCE.replace('0', '1'));
        assertRefused(headers, BODY, Reason.SIGNATURE_INVALID, "does not match");
    }

    @Test
    void anUnknownKeyIdIsRefusedWithWhereToFetchCertificates() {
        assertRefused(signed("PLATFORM-9", TestKeys.PLATFORM_1, NOW, BODY), BODY, Reason.UNKNOWN_KEY_ID,
                "GET /api/v1/platform/certificates");
    }

    @Test
    void aSignatureByAnotherKeyUnderAKnownKeyIdIsRefused() {
        assertRefused(signed("PLATFORM-1", TestKeys.PLATFORM_2, NOW, BODY), BODY, Reason.SIGNATURE_INVALID,
                "does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Payrail-Timestamp", "Payrail-Nonce", "Payrail-Key-Id", "Payrail-Signature"})
    void aMissingHeaderIsRefusedByName(String name) {
        Map<String, String> headers = headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY));
        headers.remove(name);

        assertRefused(headers, BODY, Reason.MISSING_HEADER, "no " + name + " header");
        headers.put(name, " ");
        assertRefused(headers, BODY, Reason.MISSING_HEADER, "no " + name + " header");
    }

    @Test
    void malformedHeadersAreRefused() {
        Map<String, String> headers = headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY));
        headers.put("Payrail-Timestamp", "-1767225600");
        assertRefused(headers, BODY, Reason.MALFORMED_HEADER, "Payrail-Timestamp");

        headers = headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY));
        headers.put("Payrail-Nonce", "short");
        assertRefused(headers, BODY, Reason.MALFORMED_HEADER, "Payrail-Nonce");

        headers = headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY));
        headers.put("Payrail-Signature", "not base64!");
        assertRefused(headers, BODY, Reason.MALFORMED_HEADER, "Payrail-Signature");

        headers = headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY));
        headers.put("Payrail-Signature", "AAAA");
        assertRefused(headers, BODY, Reason.SIGNATURE_INVALID, "does not match");
    }

    @Test
    void aTimestampMoreThan300SecondsAwayIsRefusedEitherWay() throws Exception {
        assertRefused(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW.minusSeconds(301), BODY), BODY,
                Reason.TIMESTAMP_SKEW, "301 s");
        assertRefused(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW.plusSeconds(301), BODY), BODY,
                Reason.TIMESTAMP_SKEW, "NTP");
        // 300 s is still inside the window
        assertThat(verifier.verify(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW.minusSeconds(300), BODY)::get, BODY)
                .timestamp()).isEqualTo(NOW.minusSeconds(300));
        assertThat(verifier.verify(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW.plusSeconds(300), BODY)::get, BODY)
                .timestamp()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void anExpiredCertificateIsRefused() {
        var expired = SelfSignedCertificate.create(TestKeys.PLATFORM_1, "expired",
                NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));
        PlatformSignatureVerifier withExpired = new PlatformSignatureVerifier(
                PlatformCertificates.of("PLATFORM-1", expired), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> withExpired.verify(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY)::get, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_VALID))
                .hasMessageContaining("Fetch the current certificates");
    }

    private static PlatformSignatureVerifier verifierAt(Instant now) {
        var notBefore = now.minus(Duration.ofDays(1));
        var notAfter = now.plus(Duration.ofDays(365));
        return new PlatformSignatureVerifier(PlatformCertificates.of(Map.of(
                "PLATFORM-1", SelfSignedCertificate.create(TestKeys.PLATFORM_1, "p1", notBefore, notAfter),
                "PLATFORM-2", SelfSignedCertificate.create(TestKeys.PLATFORM_2, "p2", notBefore, notAfter))),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The four headers as the protocol text says the platform writes them. */
    static Map<String, String> signed(String keyId, KeyPair keys, Instant timestamp, String body) {
        String seconds = Long.toString(timestamp.getEpochSecond());
        byte[] signature = FakePlatform.signResponse(keys, seconds + "\n" + NONCE + "\n" + body + "\n");
        return Map.of("Payrail-Timestamp", seconds, "Payrail-Nonce", NONCE, "Payrail-Key-Id", keyId,
                "Payrail-Signature", Base64.getEncoder().encodeToString(signature));
    }

    private static Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> mutable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        mutable.putAll(headers);
        return mutable;
    }

    private void assertRefused(Map<String, String> headers, String body, Reason reason, String messagePart) {
        assertThatThrownBy(() -> verifier.verify(headers::get, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart)
                .hasMessageContaining("docs/authentication.md");
    }
}
