package io.payrail.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server's signed texts against the worked examples merchants are given
 * (docs/examples/platform-worked-example.env, signed with the TEST-ONLY example platform key): what
 * the server signs is what the documentation tells merchants to verify.
 */
class PlatformSignedTextTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    private static final Map<String, String> EXAMPLE = read(EXAMPLES.resolve("platform-worked-example.env"));

    private static byte[] response() {
        return PlatformSignedText.response(EXAMPLE.get("RESPONSE_TIMESTAMP"), EXAMPLE.get("RESPONSE_NONCE"),
                new ResponseBinding(EXAMPLE.get("EXAMPLE_MERCHANT_ID"), EXAMPLE.get("RESPONSE_REQUEST_NONCE")),
                EXAMPLE.get("RESPONSE_BODY").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] notification() {
        return PlatformSignedText.notification(EXAMPLE.get("NOTIFICATION_TIMESTAMP"), EXAMPLE.get("NOTIFICATION_NONCE"),
                EXAMPLE.get("EXAMPLE_MERCHANT_ID"), EXAMPLE.get("NOTIFICATION_BODY").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theServerSignsTheDocumentedTexts() throws Exception {
        assertThat(sha256(response())).isEqualTo(EXAMPLE.get("RESPONSE_SHA256"));
        assertThat(sha256(notification())).isEqualTo(EXAMPLE.get("NOTIFICATION_SHA256"));

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(
                EXAMPLES.resolve("example-platform-private.pem")))));
        signer.update(response());
        assertThat(Base64.getEncoder().encodeToString(signer.sign())).isEqualTo(EXAMPLE.get("RESPONSE_SIGNATURE"));
    }

    @Test
    void theBindingIsPartOfTheTextAndTheKindsNeverMeet() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(PlatformSignedText.response("1", "n", new ResponseBinding("M1", "N1"), body),
                StandardCharsets.UTF_8)).isEqualTo("PAYRAIL-RESPONSE\n1\nn\nM1\nN1\n{}\n");
        assertThat(new String(PlatformSignedText.response("1", "n", ResponseBinding.NONE, new byte[0]),
                StandardCharsets.UTF_8)).isEqualTo("PAYRAIL-RESPONSE\n1\nn\n\n\n\n");
        assertThat(new String(PlatformSignedText.notification("1", "n", "M1", body), StandardCharsets.UTF_8))
                .isEqualTo("PAYRAIL-NOTIFICATION\n1\nn\nM1\n{}\n");
    }

    @Test
    void aBindingCannotCarryALineBreak() {
        assertThatThrownBy(() -> new ResponseBinding("M1\nX", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformSignedText.notification("1", "n", "M1\n", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String sha256(byte[] text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    }

    private static byte[] pem(Path file) throws IOException {
        return Base64.getMimeDecoder().decode(Files.readString(file).replaceAll("-----[A-Z ]+-----", ""));
    }

    private static Map<String, String> read(Path file) {
        try {
            Map<String, String> values = new HashMap<>();
            Pattern assignment = Pattern.compile("([A-Z0-9_]+)='([^']*)'");
            for (String line : Files.readAllLines(file)) {
                Matcher m = assignment.matcher(line);
                if (m.matches()) {
                    values.put(m.group(1), m.group(2));
                }
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("the worked examples are not at " + file.toAbsolutePath()
                    + "; run the tests from the ejb-module directory", e);
        }
    }
}
