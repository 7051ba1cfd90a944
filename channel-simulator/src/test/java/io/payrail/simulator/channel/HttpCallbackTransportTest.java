package io.payrail.simulator.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.payrail.simulator.crypto.Pem;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callbacks over real sockets: plain http, and https trusting exactly the configured certificate. */
class HttpCallbackTransportTest {

    @TempDir
    Path dir;

    @Test
    void postsTheMessageAndReportsTheAnswer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        StringBuilder seen = new StringBuilder();
        server.createContext("/cb", ex -> {
            seen.append(ex.getRequestMethod()).append(' ').append(ex.getRequestHeaders().getFirst("Content-Type"))
                    .append(' ').append(ex.getRequestHeaders().getFirst("X-Sig")).append(' ')
                    .append(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] reply = "success".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, reply.length);
            ex.getResponseBody().write(reply);
            ex.close();
        });
        server.start();
        try {
            CallbackTransport.Reply reply = HttpCallbackTransport.create(null).post(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cb"),
                    new CallbackMessage("application/json", Map.of("X-Sig", "abc"),
                            "{\"a\":1}".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);

            assertThat(reply).isEqualTo(new CallbackTransport.Reply(200, "success"));
            assertThat(seen.toString()).isEqualTo("POST application/json abc {\"a\":1}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void httpsTrustsTheConfiguredCertificateAndNothingElse() throws Exception {
        Certificate cert = Pem.certificates(TestKeys.read("example-certificate.pem")).get(0);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", TestKeys.PLATFORM_PRIVATE, "pw".toCharArray(), new Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "pw".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/cb", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        Path trust = dir.resolve("platform.pem");
        Files.writeString(trust, TestKeys.read("example-certificate.pem"));
        CallbackMessage message = new CallbackMessage("application/json", Map.of(), new byte[0]);
        try {
            int port = server.getAddress().getPort();
            assertThat(HttpCallbackTransport.create(trust).post(URI.create("https://localhost:" + port + "/cb"), message)
                    .get(10, TimeUnit.SECONDS).status()).isEqualTo(204);
            assertThatThrownBy(() -> HttpCallbackTransport.create(null).post(
                    URI.create("https://localhost:" + port + "/cb"), message).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        } finally {
            server.stop(0);
        }
    }
}
