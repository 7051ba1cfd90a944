package io.payrail.sdk.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.payrail.sdk.pem.Pem;
import io.payrail.sdk.testing.DocumentedExamples;
import io.payrail.sdk.verification.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/authentication.md section 5, a signed response and a signed
 * notification: their values live in docs/examples/platform-worked-example.env, made with the
 * TEST-ONLY example platform key. This test holds the SDK's verifier, the document and the openssl
 * script to them.
 */
class PlatformWorkedExampleTest {

    private static final Map<String, String> EXAMPLE = DocumentedExamples.read("platform-worked-example.env");
    private static final String MERCHANT = EXAMPLE.get("EXAMPLE_MERCHANT_ID");

    private static X509Certificate certificate() throws Exception {
        return Pem.readCertificate(DocumentedExamples.EXAMPLES.resolve("example-platform-certificate.pem"));
    }

    private static PlatformSignatureVerifier verifierAt(String timestamp) throws Exception {
        return new PlatformSignatureVerifier(PlatformCertificates.of(EXAMPLE.get("EXAMPLE_KEY_ID"), certificate()),
                Clock.fixed(Instant.ofEpochSecond(Long.parseLong(timestamp)), ZoneOffset.UTC));
    }

    private static Map<String, String> headers(String kind) {
        return Map.of("Payrail-Timestamp", EXAMPLE.get(kind + "_TIMESTAMP"), "Payrail-Nonce", EXAMPLE.get(kind + "_NONCE"),
                "Payrail-Key-Id", EXAMPLE.get("EXAMPLE_KEY_ID"), "Payrail-Signature", EXAMPLE.get(kind + "_SIGNATURE"));
    }

    private static byte[] responseText() {
        return PlatformSignedText.response(EXAMPLE.get("RESPONSE_TIMESTAMP"), EXAMPLE.get("RESPONSE_NONCE"), MERCHANT,
                EXAMPLE.get("RESPONSE_REQUEST_NONCE"), EXAMPLE.get("RESPONSE_BODY").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] notificationText() {
        return PlatformSignedText.notification(EXAMPLE.get("NOTIFICATION_TIMESTAMP"), EXAMPLE.get("NOTIFICATION_NONCE"),
                MERCHANT, EXAMPLE.get("NOTIFICATION_BODY").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSdkBuildsTheDocumentedSignedTexts() throws Exception {
        assertThat(sha256(responseText())).isEqualTo(EXAMPLE.get("RESPONSE_SHA256"));
        assertThat(sha256(notificationText())).isEqualTo(EXAMPLE.get("NOTIFICATION_SHA256"));
    }

    @Test
    void theExamplePrivateKeySignsThemToTheDocumentedSignatures() throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) Pem.readPrivateKey(
                DocumentedExamples.EXAMPLES.resolve("example-platform-private.pem"));
        RSAPublicKey published = (RSAPublicKey) certificate().getPublicKey();

        assertThat(published.getModulus()).isEqualTo(key.getModulus());
        assertThat(certificate().getSubjectX500Principal().getName()).contains("TEST ONLY");
        // RSASSA-PKCS1-v1_5 is deterministic: anyone with the example key gets these very bytes
        assertThat(sign(key, responseText())).isEqualTo(EXAMPLE.get("RESPONSE_SIGNATURE"));
        assertThat(sign(key, notificationText())).isEqualTo(EXAMPLE.get("NOTIFICATION_SIGNATURE"));
    }

    @Test
    void theVerifierAcceptsTheExamplesForTheirMerchantAndRequestOnly() throws Exception {
        PlatformSignatureVerifier atResponse = verifierAt(EXAMPLE.get("RESPONSE_TIMESTAMP"));
        Map<String, String> response = headers("RESPONSE");
        String responseBody = EXAMPLE.get("RESPONSE_BODY");

        assertThat(atResponse.verifyResponse(response::get, responseBody, MERCHANT, EXAMPLE.get("RESPONSE_REQUEST_NONCE"))
                .nonce()).isEqualTo(EXAMPLE.get("RESPONSE_NONCE"));
        assertThatThrownBy(() -> atResponse.verifyResponse(response::get, responseBody, MERCHANT,
                "Zy3kQ9_demo-nonce_4F7a2Bx8Lm0Pq2")).isInstanceOf(SignatureVerificationException.class);

        PlatformSignatureVerifier atNotification = verifierAt(EXAMPLE.get("NOTIFICATION_TIMESTAMP"));
        Map<String, String> notification = headers("NOTIFICATION");
        String event = EXAMPLE.get("NOTIFICATION_BODY");
        assertThat(atNotification.verifyNotification(notification::get, event, MERCHANT).keyId())
                .isEqualTo(EXAMPLE.get("EXAMPLE_KEY_ID"));
        assertThatThrownBy(() -> atNotification.verifyNotification(notification::get, event, "M100002"))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
        assertThatThrownBy(() -> atNotification.verifyResponse(notification::get, event, MERCHANT, ""))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void theDocumentShowsExactlyTheseValues() throws Exception {
        String doc = Files.readString(DocumentedExamples.DOCS.resolve("authentication.md"));

        assertThat(doc)
                .contains(new String(responseText(), StandardCharsets.UTF_8).replace("\n", "\\n"))
                .contains(new String(notificationText(), StandardCharsets.UTF_8).replace("\n", "\\n"))
                .contains(EXAMPLE.get("RESPONSE_SHA256"), EXAMPLE.get("RESPONSE_SIGNATURE"))
                .contains(EXAMPLE.get("NOTIFICATION_SHA256"), EXAMPLE.get("NOTIFICATION_SIGNATURE"))
                .contains("examples/example-platform-private.pem", "examples/example-platform-certificate.pem",
                        "examples/verify-with-openssl.sh", "examples/platform-worked-example.env");
    }

    @Test
    void theOpensslScriptVerifiesBothAndRefusesAnotherMerchant() throws Exception {
        assumeTrue(DocumentedExamples.onPath("openssl"), "openssl is not on the PATH");
        List<String> settings = List.of("KIND", "KEY", "CERTIFICATE", "TIMESTAMP", "NONCE", "SIGNATURE", "MERCHANT_ID",
                "REQUEST_NONCE", "BODY", "BODY_FILE");

        DocumentedExamples.Run response = DocumentedExamples.runScript("verify-with-openssl.sh", settings, Map.of());
        assertThat(response.exitCode()).as(response.output()).isZero();
        assertThat(response.output()).contains("signed text SHA-256: " + EXAMPLE.get("RESPONSE_SHA256") + "\n")
                .contains("signature: Verified OK");

        DocumentedExamples.Run notification = DocumentedExamples.runScript("verify-with-openssl.sh", settings,
                Map.of("KIND", "notification"));
        assertThat(notification.exitCode()).as(notification.output()).isZero();
        assertThat(notification.output()).contains("signed text SHA-256: " + EXAMPLE.get("NOTIFICATION_SHA256") + "\n")
                .contains("signature: Verified OK");

        DocumentedExamples.Run elsewhere = DocumentedExamples.runScript("verify-with-openssl.sh", settings,
                Map.of("KIND", "notification", "MERCHANT_ID", "M100002"));
        assertThat(elsewhere.exitCode()).as(elsewhere.output()).isNotZero();
        assertThat(elsewhere.output()).contains("Verification failure");
    }

    @Test
    void theEcExamplesVerifyWithTheEcCertificateThroughTheSdkAndOpenssl() throws Exception {
        X509Certificate ec = Pem.readCertificate(DocumentedExamples.EXAMPLES.resolve("example-platform-ec-certificate.pem"));
        assertThat(ec.getSubjectX500Principal().getName()).contains("TEST ONLY");
        String keyId = EXAMPLE.get("EC_KEY_ID");
        PlatformCertificates certificates = PlatformCertificates.of(keyId, ec);
        Map<String, String> response = Map.of("Payrail-Timestamp", EXAMPLE.get("RESPONSE_TIMESTAMP"),
                "Payrail-Nonce", EXAMPLE.get("RESPONSE_NONCE"), "Payrail-Key-Id", keyId,
                "Payrail-Signature", EXAMPLE.get("EC_RESPONSE_SIGNATURE"),
                "Payrail-Signature-Algorithm", "SHA256-ECDSA-P256");
        Map<String, String> notification = Map.of("Payrail-Timestamp", EXAMPLE.get("NOTIFICATION_TIMESTAMP"),
                "Payrail-Nonce", EXAMPLE.get("NOTIFICATION_NONCE"), "Payrail-Key-Id", keyId,
                "Payrail-Signature", EXAMPLE.get("EC_NOTIFICATION_SIGNATURE"),
                "Payrail-Signature-Algorithm", "SHA256-ECDSA-P256");

        assertThat(new PlatformSignatureVerifier(certificates, Clock.fixed(Instant.ofEpochSecond(Long.parseLong(
                EXAMPLE.get("RESPONSE_TIMESTAMP"))), ZoneOffset.UTC)).verifyResponse(response::get,
                EXAMPLE.get("RESPONSE_BODY"), MERCHANT, EXAMPLE.get("RESPONSE_REQUEST_NONCE")).keyId()).isEqualTo(keyId);
        PlatformSignatureVerifier atNotification = new PlatformSignatureVerifier(certificates, Clock.fixed(
                Instant.ofEpochSecond(Long.parseLong(EXAMPLE.get("NOTIFICATION_TIMESTAMP"))), ZoneOffset.UTC));
        assertThat(atNotification.verifyNotification(notification::get, EXAMPLE.get("NOTIFICATION_BODY"), MERCHANT)
                .keyId()).isEqualTo(keyId);
        assertThatThrownBy(() -> atNotification.verifyNotification(notification::get, EXAMPLE.get("NOTIFICATION_BODY"),
                "M100002")).isInstanceOf(SignatureVerificationException.class);
        assertThat(Files.readString(DocumentedExamples.DOCS.resolve("authentication.md")))
                .contains(EXAMPLE.get("EC_RESPONSE_SIGNATURE"), EXAMPLE.get("EC_NOTIFICATION_SIGNATURE"),
                        "examples/example-platform-ec-certificate.pem");

        assumeTrue(DocumentedExamples.onPath("openssl"), "openssl is not on the PATH");
        List<String> settings = List.of("KIND", "KEY", "CERTIFICATE", "TIMESTAMP", "NONCE", "SIGNATURE", "MERCHANT_ID",
                "REQUEST_NONCE", "BODY", "BODY_FILE");
        for (String kind : List.of("response", "notification")) {
            DocumentedExamples.Run run = DocumentedExamples.runScript("verify-with-openssl.sh", settings,
                    Map.of("KEY", "ec", "KIND", kind));
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("signature: Verified OK");
        }
    }

    private static String sha256(byte[] text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    }

    private static String sign(RSAPrivateCrtKey key, byte[] text) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(text);
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
