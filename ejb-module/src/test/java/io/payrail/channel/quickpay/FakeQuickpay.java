package io.payrail.channel.quickpay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.payrail.channel.ExampleKeys;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays QUICKPAY on a local port for one test: answers scripted per path, their fields signed as
 * quickpay.md §2 says with the example QUICKPAY key (or not, or with the wrong key, or long ago),
 * every request body kept for inspection.
 */
final class FakeQuickpay implements AutoCloseable {

    static final String BASE_PATH = "/sim/quickpay/v1";

    enum Signing { SIGNED, UNSIGNED, WRONG_KEY, STALE }

    record Answer(int status, Map<String, String> fields, Signing signing) {
    }

    private final HttpServer server;
    private final Instant now;
    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final List<String> requests = new ArrayList<>();

    FakeQuickpay(Instant now) throws IOException {
        this.now = now;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    FakeQuickpay answer(String path, int status, Map<String, String> fields) {
        return answer(path, new Answer(status, fields, Signing.SIGNED));
    }

    synchronized FakeQuickpay answer(String path, Answer answer) {
        script.computeIfAbsent(BASE_PATH + "/" + path, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getRawPath();
        Answer answer;
        synchronized (this) {
            requests.add(new String(body, StandardCharsets.UTF_8));
            Deque<Answer> queue = script.get(path);
            answer = queue == null || queue.isEmpty()
                    ? new Answer(404, Map.of("code", "NO_SCRIPT", "message", "nothing scripted for " + path), Signing.SIGNED)
                    : queue.poll();
        }
        try {
            Map<String, String> fields = new LinkedHashMap<>(answer.fields());
            if (answer.signing() != Signing.UNSIGNED) {
                fields.put("timestamp", (answer.signing() == Signing.STALE ? now.minusSeconds(QuickpayConnector.MAX_SKEW_SECONDS + 1)
                        : now).toString());
                fields.put(QuickpaySignature.SIGN_TYPE, QuickpaySignature.RSA2);
                var key = answer.signing() == Signing.WRONG_KEY ? ExampleKeys.PLATFORM_PRIVATE : ExampleKeys.CHANNEL_PRIVATE;
                fields.put(QuickpaySignature.SIGN, Base64.getEncoder().encodeToString(
                        ExampleKeys.rsaSha256(key).apply(QuickpaySignature.text(fields))));
            }
            JsonObjectBuilder json = Json.createObjectBuilder();
            fields.forEach(json::add);
            byte[] out = json.build().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
