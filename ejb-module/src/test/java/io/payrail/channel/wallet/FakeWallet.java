package io.payrail.channel.wallet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays WALLET on a local port for one test: answers scripted per method and path, signed with the
 * example WALLET key (or not, or wrongly), and every request kept for inspection.
 */
final class FakeWallet implements AutoCloseable {

    static final String BASE_PATH = "/sim/wallet/v1";

    enum Signing { SIGNED, UNSIGNED, WRONG_KEY }

    record Answer(int status, String body, Signing signing, long delayMillis) {
    }

    record Request(String method, String pathAndQuery, String signature, String contentType, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final long iat;
    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    /** @param iat what WALLET puts in its answers' signatures */
    FakeWallet(long iat) throws IOException {
        this.iat = iat;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    /** The next request to {@code method} {@code path} (below the base path) gets this answer. */
    FakeWallet answer(String method, String path, int status, String body) {
        return answer(method, path, new Answer(status, body, Signing.SIGNED, 0));
    }

    synchronized FakeWallet answer(String method, String path, Answer answer) {
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
                    exchange.getRequestHeaders().getFirst(DetachedJws.HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Deque<Answer> queue = script.get(exchange.getRequestMethod() + " " + uri);
            answer = queue == null || queue.isEmpty()
                    ? new Answer(404, "{\"error\":\"NO_SCRIPT\",\"message\":\"nothing scripted for " + uri + "\"}",
                    Signing.SIGNED, 0)
                    : queue.poll();
        }
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            switch (answer.signing()) {
                case SIGNED -> exchange.getResponseHeaders().set(DetachedJws.HEADER, ExampleKeys.walletSignature(out, iat));
                case WRONG_KEY -> exchange.getResponseHeaders().set(DetachedJws.HEADER, DetachedJws.sign(
                        DetachedJws.responseHeader(ExampleKeys.CHANNEL_KID, iat), out,
                        ExampleKeys.rsaSha256(ExampleKeys.PLATFORM_PRIVATE)));
                case UNSIGNED -> {
                }
            }
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout tests)
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
