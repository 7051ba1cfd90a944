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
    private static final String MERCHANT = "M100001";
    private static final String OTHER_MERCHANT = "M100002";
    private static final String REQUEST_NONCE = "Zy3kQ9_demo-nonce_4F7a2Bx8Lm0Pq1";
    private static final String OTHER_REQUEST_NONCE = "Zy3kQ9_demo-nonce_4F7a2Bx8Lm0Pq2";

    private final PlatformSignatureVerifier verifier = verifierAt(NOW);

    @Test
    void aGoodResponseVerifies() throws Exception {
        VerifiedSignature verified = verifier.verifyResponse(headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY))::get,
                BODY.getBytes(StandardCharsets.UTF_8), MERCHANT, REQUEST_NONCE);

        assertThat(verified).isEqualTo(new VerifiedSignature("PLATFORM-1", NOW, NONCE));
        // the same, given as text
        assertThat(verifier.verifyResponse(headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY))::get, BODY, MERCHANT,
                REQUEST_NONCE))
                .isEqualTo(verified);
    }

    @Test
    void anEmptyBodyIsSignedAsTheEmptyString() throws Exception {
        assertThat(verifier.verifyResponse(headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, ""))::get, new byte[0],
                MERCHANT, REQUEST_NONCE))
                .extracting(VerifiedSignature::keyId).isEqualTo("PLATFORM-1");
    }

    @Test
    void headerNamesAreCaseInsensitive() throws Exception {
        Map<String, String> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY).forEach((k, v) -> lower.put(k.toLowerCase(), v));

        assertThat(verifier.verifyResponse(lower::get, BODY, MERCHANT, REQUEST_NONCE).keyId()).isEqualTo("PLATFORM-1");
    }

    @Test
    void aResponseSignedWithAnEcPlatformKeyVerifiesWithItsCertificate() throws Exception {
        Map<String, String> headers = headers(signed("PLATFORM-EC", TestKeys.PLATFORM_EC, NOW, BODY));
        headers.put("Payrail-Signature-Algorithm", "SHA256-ECDSA-P256");

        assertThat(verifier.verifyResponse(headers::get, BODY, MERCHANT, REQUEST_NONCE).keyId()).isEqualTo("PLATFORM-EC");
        assertRefused(headers, BODY.replace("SUCCEEDED", "FAILED"), Reason.SIGNATURE_INVALID, "altered");
    }

    @Test
    void anAlgorithmHeaderThatIsNotTheCertificateKeysIsRefused() {
        Map<String, String> rsa = headers(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY));
        rsa.put("Payrail-Signature-Algorithm", "SHA256-ECDSA-P256");
        assertRefused(rsa, BODY, Reason.SIGNATURE_INVALID, "holds a key of SHA256-RSA2048");
        // the EC key's signature presented under the RSA certificate's key id
        Map<String, String> swapped = headers(signed("PLATFORM-1", TestKeys.PLATFORM_EC, NOW, BODY));
        assertRefused(swapped, BODY, Reason.SIGNATURE_INVALID, "does not match");
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
        assertThat(verifier.verifyResponse(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW.minusSeconds(300), BODY)::get, BODY,
                MERCHANT, REQUEST_NONCE)
                .timestamp()).isEqualTo(NOW.minusSeconds(300));
        assertThat(verifier.verifyResponse(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW.plusSeconds(300), BODY)::get, BODY,
                MERCHANT, REQUEST_NONCE)
                .timestamp()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void anExpiredCertificateIsRefused() {
        var expired = SelfSignedCertificate.create(TestKeys.PLATFORM_1, "expired",
                NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));
        PlatformSignatureVerifier withExpired = new PlatformSignatureVerifier(
                PlatformCertificates.of("PLATFORM-1", expired), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> withExpired.verifyResponse(signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY)::get, BODY,
                MERCHANT, REQUEST_NONCE))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_VALID))
                .hasMessageContaining("Fetch the current certificates");
    }

    @Test
    void aResponseToAnotherRequestIsRefusedEvenWithItsEchoesRewritten() {
        Map<String, String> answer = signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY);

        assertThatThrownBy(() -> verifier.verifyResponse(answer::get, BODY, MERCHANT, OTHER_REQUEST_NONCE))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT))
                .hasMessageContaining("nonce '" + REQUEST_NONCE + "'")
                .hasMessageContaining("replayed");
        // the echoes are only informative: made to match, the signature still does not
        Map<String, String> rewritten = headers(answer);
        rewritten.put("Payrail-Request-Nonce", OTHER_REQUEST_NONCE);
        assertThatThrownBy(() -> verifier.verifyResponse(rewritten::get, BODY, MERCHANT, OTHER_REQUEST_NONCE))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
    }

    @Test
    void aResponseForAnotherMerchantIsRefused() {
        Map<String, String> answer = signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY);

        assertThatThrownBy(() -> verifier.verifyResponse(answer::get, BODY, OTHER_MERCHANT, REQUEST_NONCE))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT))
                .hasMessageContaining("merchant '" + MERCHANT + "'");
        Map<String, String> withoutEchoes = headers(answer);
        withoutEchoes.remove("Payrail-Merchant-Id");
        withoutEchoes.remove("Payrail-Request-Nonce");
        assertThatThrownBy(() -> verifier.verifyResponse(withoutEchoes::get, BODY, OTHER_MERCHANT, REQUEST_NONCE))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
    }

    @Test
    void aResponseToARequestWithoutCredentialsIsBoundToEmptyValues() throws Exception {
        Map<String, String> answer = response("PLATFORM-1", TestKeys.PLATFORM_1, NOW, "", "", BODY);

        assertThat(verifier.verifyResponse(answer::get, BODY, "", "").keyId()).isEqualTo("PLATFORM-1");
        assertThatThrownBy(() -> verifier.verifyResponse(answer::get, BODY, MERCHANT, REQUEST_NONCE))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void aNotificationVerifiesForItsMerchantOnly() throws Exception {
        String event = event(MERCHANT);
        Map<String, String> delivered = notification(MERCHANT, event);

        assertThat(verifier.verifyNotification(delivered::get, event.getBytes(StandardCharsets.UTF_8), MERCHANT))
                .isEqualTo(new VerifiedSignature("PLATFORM-1", NOW, NONCE));
        assertThatThrownBy(() -> verifier.verifyNotification(delivered::get, event, OTHER_MERCHANT))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT))
                .hasMessageContaining("merchant '" + MERCHANT + "'");
    }

    @Test
    void aNotificationWhoseBodyNamesAnotherMerchantIsRefusedThoughItsSignatureVerifies() {
        // signed over B's merchant id, but the body says A: the body must be B's as well
        String eventForA = event(MERCHANT);
        Map<String, String> delivered = notification(OTHER_MERCHANT, eventForA);

        assertThatThrownBy(() -> verifier.verifyNotification(delivered::get, eventForA, OTHER_MERCHANT))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT))
                .hasMessageContaining("body names merchant '" + MERCHANT + "'");
        String anonymous = BODY;
        Map<String, String> withoutMerchant = notification(OTHER_MERCHANT, anonymous);
        assertThatThrownBy(() -> verifier.verifyNotification(withoutMerchant::get, anonymous, OTHER_MERCHANT))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT))
                .hasMessageContaining("(none)");
    }

    @Test
    void aResponseNeverVerifiesAsANotificationNorTheOtherWayRound() {
        String event = event(MERCHANT);
        // the closest a response comes to a notification: same merchant, no request nonce
        Map<String, String> asResponse = response("PLATFORM-1", TestKeys.PLATFORM_1, NOW, MERCHANT, "", event);
        Map<String, String> asNotification = notification(MERCHANT, event);

        assertThatThrownBy(() -> verifier.verifyNotification(asResponse::get, event, MERCHANT))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
        assertThatThrownBy(() -> verifier.verifyResponse(asNotification::get, event, MERCHANT, ""))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
    }

    @Test
    void theExpectedValuesMustBeGivenAndWellFormed() {
        Map<String, String> answer = signed("PLATFORM-1", TestKeys.PLATFORM_1, NOW, BODY);

        assertThatThrownBy(() -> verifier.verifyResponse(answer::get, BODY, null, REQUEST_NONCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("merchant id");
        assertThatThrownBy(() -> verifier.verifyResponse(answer::get, BODY, MERCHANT, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> verifier.verifyResponse(answer::get, BODY, MERCHANT + "\n", REQUEST_NONCE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> verifier.verifyNotification(answer::get, BODY, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("merchant id");
    }

    private static PlatformSignatureVerifier verifierAt(Instant now) {
        var notBefore = now.minus(Duration.ofDays(1));
        var notAfter = now.plus(Duration.ofDays(365));
        return new PlatformSignatureVerifier(PlatformCertificates.of(Map.of(
                "PLATFORM-1", SelfSignedCertificate.create(TestKeys.PLATFORM_1, "p1", notBefore, notAfter),
                "PLATFORM-2", SelfSignedCertificate.create(TestKeys.PLATFORM_2, "p2", notBefore, notAfter),
                "PLATFORM-EC", SelfSignedCertificate.create(TestKeys.PLATFORM_EC, "ec", notBefore, notAfter))),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A response to MERCHANT's request REQUEST_NONCE, with the headers the protocol text says the platform writes. */
    static Map<String, String> signed(String keyId, KeyPair keys, Instant timestamp, String body) {
        return response(keyId, keys, timestamp, MERCHANT, REQUEST_NONCE, body);
    }

    static Map<String, String> response(String keyId, KeyPair keys, Instant timestamp, String merchantId,
            String requestNonce, String body) {
        String seconds = Long.toString(timestamp.getEpochSecond());
        byte[] signature = FakePlatform.signResponse(keys, "PAYRAIL-RESPONSE\n" + seconds + "\n" + NONCE + "\n"
                + merchantId + "\n" + requestNonce + "\n" + body + "\n");
        return Map.of("Payrail-Timestamp", seconds, "Payrail-Nonce", NONCE, "Payrail-Key-Id", keyId,
                "Payrail-Signature", Base64.getEncoder().encodeToString(signature),
                "Payrail-Merchant-Id", merchantId, "Payrail-Request-Nonce", requestNonce);
    }

    /** A notification for {@code merchantId}, signed as the protocol text says. */
    static Map<String, String> notification(String merchantId, String body) {
        String seconds = Long.toString(NOW.getEpochSecond());
        byte[] signature = FakePlatform.signResponse(TestKeys.PLATFORM_1, "PAYRAIL-NOTIFICATION\n" + seconds + "\n"
                + NONCE + "\n" + merchantId + "\n" + body + "\n");
        return Map.of("Payrail-Timestamp", seconds, "Payrail-Nonce", NONCE, "Payrail-Key-Id", "PLATFORM-1",
                "Payrail-Signature", Base64.getEncoder().encodeToString(signature), "Payrail-Merchant-Id", merchantId);
    }

    static String event(String merchantId) {
        return "{\"eventId\":\"evt_1\",\"merchantId\":\"" + merchantId + "\",\"eventType\":\"payment.succeeded\","
                + "\"sequence\":1,\"createdAt\":\"2026-01-01T00:00:00Z\",\"data\":" + BODY + "}";
    }

    private static Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> mutable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        mutable.putAll(headers);
        return mutable;
    }

    private void assertRefused(Map<String, String> headers, String body, Reason reason, String messagePart) {
        assertThatThrownBy(() -> verifier.verifyResponse(headers::get, body.getBytes(StandardCharsets.UTF_8), MERCHANT,
                REQUEST_NONCE))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart)
                .hasMessageContaining("docs/authentication.md");
    }
}
