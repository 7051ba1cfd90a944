package io.payrail.channel.cardgw;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.payrail.channel.ChannelPublicKey;
import io.payrail.channel.ExampleKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays CARDGW on a local port for one test: answers scripted per method and path, signed as
 * cardgw.md §2 says with the example CARDGW key (or not, or with the wrong key, or long ago, or
 * repeating an earlier nonce), every request kept for inspection.
 */
final class FakeCardgw implements AutoCloseable {

    static final String BASE_PATH = "/sim/cardgw/v1";

    /** How an answer is signed: SIGNED as CARDGW does; the others are what a connector must not trust. */
    enum Signing { SIGNED, UNSIGNED, WRONG_KEY, STALE, REPEATED_NONCE }

    record Answer(int status, String body, Signing signing) {
    }

    record Request(String method, String pathAndQuery, String authorization, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final long now;
    private final AtomicInteger nonces = new AtomicInteger();
    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    /** @param now what CARDGW puts in its answers' timestamps */
    FakeCardgw(long now) throws IOException {
        this.now = now;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    FakeCardgw answer(String method, String path, int status, String body) {
        return answer(method, path, new Answer(status, body, Signing.SIGNED));
    }

    synchronized FakeCardgw answer(String method, String path, Answer answer) {
        script.computeIfAbsent(method + " " + BASE_PATH + "/" + path, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String uri = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Answer answer;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), uri,
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Deque<Answer> queue = script.get(exchange.getRequestMethod() + " " + uri);
            answer = queue == null || queue.isEmpty()
                    ? new Answer(404, "{\"error\":\"NO_SCRIPT\",\"message\":\"nothing scripted for " + uri + "\"}",
                    Signing.SIGNED)
                    : queue.poll();
        }
        try {
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (answer.signing() != Signing.UNSIGNED) {
                long timestamp = answer.signing() == Signing.STALE ? now - CardgwTrust.MAX_SKEW_SECONDS - 1 : now;
                String nonce = answer.signing() == Signing.REPEATED_NONCE ? "nonce-1"
                        : "nonce-" + nonces.incrementAndGet();
                byte[] signed = (timestamp + "\n" + nonce + "\n" + answer.body() + "\n").getBytes(StandardCharsets.UTF_8);
                var key = answer.signing() == Signing.WRONG_KEY ? ExampleKeys.PLATFORM_PRIVATE : ExampleKeys.CHANNEL_PRIVATE;
                exchange.getResponseHeaders().set(CardgwSignature.TIMESTAMP, Long.toString(timestamp));
                exchange.getResponseHeaders().set(CardgwSignature.NONCE, nonce);
                exchange.getResponseHeaders().set(CardgwSignature.SERIAL, ChannelPublicKey.keyId(ExampleKeys.CHANNEL_PUBLIC));
                exchange.getResponseHeaders().set(CardgwSignature.SIGNATURE,
                        Base64.getEncoder().encodeToString(ExampleKeys.rsaSha256(key).apply(signed)));
            }
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
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
