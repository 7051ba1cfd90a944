package io.payrail.sdk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.payrail.sdk.pem.Pem;
import io.payrail.sdk.testing.DocumentedExamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/authentication.md: its inputs and results live in
 * docs/examples/worked-example.env, and this test holds the SDK, the document and the openssl
 * script to them, so that none of the four can drift from the others.
 */
class WorkedExampleTest {

    private static final Path DOCS = DocumentedExamples.DOCS;
    private static final Path EXAMPLES = DocumentedExamples.EXAMPLES;
    private static final Map<String, String> EXAMPLE = DocumentedExamples.read("worked-example.env");

    @Test
    void theSdkSignsTheDocumentedInputsToTheDocumentedSignature() throws Exception {
        RSAPrivateKey key = Pem.readPrivateKey(EXAMPLES.resolve("demo-merchant-private.pem"));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(EXAMPLE.get("TIMESTAMP"))), ZoneOffset.UTC);
        RequestSigner signer = new RequestSigner(EXAMPLE.get("MERCHANT_ID"), EXAMPLE.get("KEY_ID"), key, clock,
                () -> EXAMPLE.get("NONCE"));

        CanonicalRequest canonical = signer.stamp(EXAMPLE.get("METHOD"), EXAMPLE.get("TARGET"), EXAMPLE.get("BODY"));
        AuthorizationHeader header = signer.sign(canonical);

        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.bytes())))
                .isEqualTo(EXAMPLE.get("CANONICAL_SHA256"));
        assertThat(header.signatureBase64()).isEqualTo(EXAMPLE.get("SIGNATURE"));
        assertThat(header.value()).isEqualTo(EXAMPLE.get("AUTHORIZATION"));
    }

    @Test
    void thePublishedPublicKeyIsTheHalfOfThePublishedPrivateKeyAndVerifiesTheSignature() throws Exception {
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) Pem.readPrivateKey(EXAMPLES.resolve("demo-merchant-private.pem"));
        var publicKey = Pem.readPublicKey(EXAMPLES.resolve("demo-merchant-public.pem"));

        assertThat(publicKey).isEqualTo(KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(canonicalText().getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(java.util.Base64.getDecoder().decode(EXAMPLE.get("SIGNATURE")))).isTrue();
    }

    @Test
    void theDocumentShowsExactlyTheseValues() throws IOException {
        String doc = Files.readString(DOCS.resolve("authentication.md"));

        assertThat(doc)
                .contains(canonicalText().replace("\n", "\\n"))
                .contains(EXAMPLE.get("CANONICAL_SHA256"))
                .contains(EXAMPLE.get("SIGNATURE"))
                .contains("Authorization: " + EXAMPLE.get("AUTHORIZATION"))
                .contains(EXAMPLE.get("BODY"))
                .contains("examples/demo-merchant-private.pem", "examples/demo-merchant-public.pem",
                        "examples/sign-with-openssl.sh");
    }

    @Test
    void theOpensslScriptHoldsTheSameInputs() throws IOException {
        String script = Files.readString(EXAMPLES.resolve("sign-with-openssl.sh"));

        for (String name : List.of("MERCHANT_ID", "KEY_ID", "METHOD", "TARGET", "TIMESTAMP", "NONCE")) {
            assertThat(script).contains(name + "=${" + name + "-" + EXAMPLE.get(name) + "}");
        }
        assertThat(script).contains("BODY=${BODY-'" + EXAMPLE.get("BODY") + "'}");
    }

    @Test
    void theOpensslScriptPrintsTheSameSignature() throws Exception {
        assumeTrue(DocumentedExamples.onPath("openssl"), "openssl is not on the PATH");
        DocumentedExamples.Run run = DocumentedExamples.runScript("sign-with-openssl.sh",
                List.of("MERCHANT_ID", "KEY_ID", "PRIVATE_KEY", "METHOD", "TARGET", "BODY", "TIMESTAMP", "NONCE"),
                Map.of());
        String output = run.output();

        assertThat(run.exitCode()).as(output).isZero();
        assertThat(output)
                .contains("canonical SHA-256: " + EXAMPLE.get("CANONICAL_SHA256") + "\n")
                .contains("signature: " + EXAMPLE.get("SIGNATURE") + "\n")
                .contains("Authorization: " + EXAMPLE.get("AUTHORIZATION") + "\n");
    }

    private static String canonicalText() {
        return EXAMPLE.get("METHOD") + "\n" + EXAMPLE.get("TARGET") + "\n" + EXAMPLE.get("TIMESTAMP") + "\n"
                + EXAMPLE.get("NONCE") + "\n" + EXAMPLE.get("BODY") + "\n";
    }

}
