package io.payrail.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.testing.FakePlatform;
import io.payrail.sdk.testing.FakePlatform.Signing;
import io.payrail.sdk.testing.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayrailCallTest {

    @TempDir
    Path dir;

    private FakePlatform platform;
    private Path key;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        platform = FakePlatform.start(TestKeys.MERCHANT.getPublic());
        key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(TestKeys.MERCHANT.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--base", platform.baseUri().toString(), "--merchant", "M100001",
                "--key-id", "K1", "--private-key", key.toString()));
        all.addAll(List.of(args));
        return PayrailCall.run(all.toArray(String[]::new), new ByteArrayInputStream("{\"from\":\"stdin\"}".getBytes()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPostPrintsStatusVerificationAndBody() {
        int exit = run("--idempotency-key", "demo-1", "POST", "/api/v1/payments", "{\"amount\":1999}");

        assertThat(exit).as(err()).isZero();
        assertThat(out()).startsWith("HTTP 201\nsignature: verified (platform key PLATFORM-1, signed at ")
                .contains(" for merchant M100001 and this request)\n")
                .endsWith("\n" + FakePlatform.CREATED_BODY + "\n");
        assertThat(platform.last().body()).isEqualTo("{\"amount\":1999}".getBytes(StandardCharsets.UTF_8));
        assertThat(platform.last().header("Idempotency-Key")).isEqualTo("demo-1");
        assertThat(platform.last().authFailure()).isNull();
    }

    @Test
    void aBodyFileIsSentUnchangedAndStdinToo() throws IOException {
        byte[] body = "{\n  \"subject\": \"Caf\u00e9\"\n}\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("body.json"), body);

        assertThat(run("POST", "/api/v1/payments", "@" + file)).as(err()).isZero();
        assertThat(platform.last().body()).isEqualTo(body);

        assertThat(run("post", "/api/v1/payments", "@-")).as(err()).isZero();
        assertThat(platform.last().body()).isEqualTo("{\"from\":\"stdin\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aResponseThatDoesNotVerifyExitsWith4AndSaysWhy() {
        platform.signing(Signing.TAMPERED_BODY);

        int exit = run("POST", "/api/v1/payments", "{}");

        assertThat(exit).isEqualTo(PayrailCall.SIGNATURE_FAILED);
        assertThat(out()).startsWith("HTTP 201\nsignature: NOT VERIFIED (SIGNATURE_INVALID)");
        assertThat(err()).contains("does not match").contains("Do not act on it");
    }

    @Test
    void noServerExitsWith3AndSaysWhatToCheck() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        platform.close();

        int exit = PayrailCall.run(new String[] {"--base", "http://127.0.0.1:" + port, "--merchant", "M100001",
            "--key-id", "K1", "--private-key", key.toString(), "GET", "/api/v1/payments"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err));

        assertThat(exit).isEqualTo(PayrailCall.TRANSPORT_FAILED);
        assertThat(err()).contains("Nothing answers at http://127.0.0.1:" + port);
    }

    @Test
    void badArgumentsExitWith2AndTheUsage() {
        assertThat(PayrailCall.run(new String[] {"GET", "/api/v1/payments"}, System.in, new PrintStream(out),
                new PrintStream(err))).isEqualTo(PayrailCall.USAGE);
        assertThat(err()).contains("--merchant is required").contains("Usage:");

        assertThat(run("--private-key", dir.resolve("missing.pem").toString(), "GET", "/x"))
                .isEqualTo(PayrailCall.USAGE);
        assertThat(err()).contains("missing.pem");

        assertThat(run("--frobnicate", "1", "GET", "/x")).isEqualTo(PayrailCall.USAGE);
        assertThat(run("GET", "/api/v1/payments?q=caf\u00e9")).isEqualTo(PayrailCall.USAGE);
        assertThat(err()).contains("percent-encode");
    }
}
