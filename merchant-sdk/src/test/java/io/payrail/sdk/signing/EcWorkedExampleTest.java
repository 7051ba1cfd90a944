package io.payrail.sdk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.payrail.sdk.pem.Pem;
import io.payrail.sdk.testing.DocumentedExamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EC P-256 worked example of docs/authentication.md (docs/examples/worked-example-ec.env).
 * ECDSA signatures are randomised, so nobody can reproduce the documented one: the test holds the
 * documented signature to verifying with the published public key, and the SDK's and openssl's
 * own signatures of the same text to verifying too, in the same header.
 */
class EcWorkedExampleTest {

    private static final Path EXAMPLES = DocumentedExamples.EXAMPLES;
    private static final Map<String, String> EXAMPLE = DocumentedExamples.read("worked-example-ec.env");

    private static PublicKey publicKey() throws Exception {
        String pem = Files.readString(EXAMPLES.resolve("demo-merchant-ec-public.pem"));
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
    }

    private static byte[] canonical() {
        return (EXAMPLE.get("METHOD") + "\n" + EXAMPLE.get("TARGET") + "\n" + EXAMPLE.get("TIMESTAMP") + "\n"
                + EXAMPLE.get("NONCE") + "\n" + EXAMPLE.get("BODY") + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDocumentedSignatureVerifiesWithThePublishedPublicKey() throws Exception {
        assertThat(SignatureAlgorithm.ECDSA_P256.verifies(publicKey(), canonical(),
                Base64.getDecoder().decode(EXAMPLE.get("SIGNATURE")))).isTrue();
        assertThat(EXAMPLE.get("AUTHORIZATION")).startsWith("PAYRAIL-SHA256-ECDSA-P256 ")
                .endsWith("signature=\"" + EXAMPLE.get("SIGNATURE") + "\"");
    }

    @Test
    void theSdkSignsTheDocumentedInputsIntoTheDocumentedHeaderButForTheSignature() throws Exception {
        RequestSigner signer = new RequestSigner(EXAMPLE.get("MERCHANT_ID"), EXAMPLE.get("KEY_ID"),
                Pem.readSigningKey(EXAMPLES.resolve("demo-merchant-ec-private.pem")),
                Clock.fixed(Instant.ofEpochSecond(Long.parseLong(EXAMPLE.get("TIMESTAMP"))), ZoneOffset.UTC),
                () -> EXAMPLE.get("NONCE"));

        AuthorizationHeader header = signer.sign(signer.stamp(EXAMPLE.get("METHOD"), EXAMPLE.get("TARGET"),
                EXAMPLE.get("BODY")));

        assertThat(SignatureAlgorithm.ECDSA_P256.verifies(publicKey(), canonical(), header.signature())).isTrue();
        assertThat(header.value().replace(header.signatureBase64(), EXAMPLE.get("SIGNATURE")))
                .isEqualTo(EXAMPLE.get("AUTHORIZATION"));
    }

    @Test
    void theDocumentShowsTheExample() throws Exception {
        assertThat(Files.readString(DocumentedExamples.DOCS.resolve("authentication.md")))
                .contains(EXAMPLE.get("SIGNATURE"))
                .contains("Authorization: " + EXAMPLE.get("AUTHORIZATION"))
                .contains("examples/demo-merchant-ec-private.pem", "examples/demo-merchant-ec-public.pem");
    }

    @Test
    void theOpensslScriptSignsWithTheEcKeyUnderTheEcScheme() throws Exception {
        assumeTrue(DocumentedExamples.onPath("openssl"), "openssl is not on the PATH");
        DocumentedExamples.Run run = DocumentedExamples.runScript("sign-with-openssl.sh",
                List.of("MERCHANT_ID", "KEY_ID", "PRIVATE_KEY", "METHOD", "TARGET", "BODY", "TIMESTAMP", "NONCE"),
                Map.of("PRIVATE_KEY", EXAMPLES.resolve("demo-merchant-ec-private.pem").toString(), "KEY_ID", "EC1"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        String signature = run.output().lines().filter(l -> l.startsWith("signature: ")).findFirst().orElseThrow()
                .substring("signature: ".length());
        assertThat(SignatureAlgorithm.ECDSA_P256.verifies(publicKey(), canonical(), Base64.getDecoder().decode(signature)))
                .isTrue();
        assertThat(run.output()).contains("Authorization: " + EXAMPLE.get("AUTHORIZATION")
                .replace(EXAMPLE.get("SIGNATURE"), signature) + "\n");
    }
}
