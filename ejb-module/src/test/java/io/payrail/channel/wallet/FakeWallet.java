package io.payrail.channel.wallet;

import io.payrail.channel.ExampleKeys;

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

    /**
     * How an answer is signed. SIGNED: as WALLET does, bound to the request it answers (its htm, htu
     * and jti) at the fake's iat. The others are what a connector must not trust: no signature, the
     * wrong key, a signature bound to no request (replayable), one bound to another request, one
     * made long ago.
     */
    enum Signing { SIGNED, UNSIGNED, WRONG_KEY, UNBOUND, OTHER_REQUEST, STALE }

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
            String requestSignature = exchange.getRequestHeaders().getFirst(DetachedJws.HEADER);
            // like WALLET, a 401 does not vouch for the request's jti (wallet.md §2)
            String bound = answer.status() == 401 ? boundHeader(requestSignature, iat, "") : boundHeader(requestSignature, iat, null);
            switch (answer.signing()) {
                case SIGNED -> exchange.getResponseHeaders().set(DetachedJws.HEADER, DetachedJws.sign(bound, out,
                        ExampleKeys.rsaSha256(ExampleKeys.CHANNEL_PRIVATE)));
                case WRONG_KEY -> exchange.getResponseHeaders().set(DetachedJws.HEADER, DetachedJws.sign(bound, out,
                        ExampleKeys.rsaSha256(ExampleKeys.PLATFORM_PRIVATE)));
                case UNBOUND -> exchange.getResponseHeaders().set(DetachedJws.HEADER, WalletExamples.walletSignature(out, iat));
                case OTHER_REQUEST -> exchange.getResponseHeaders().set(DetachedJws.HEADER, DetachedJws.sign(
                        boundHeader(requestSignature, iat, "another-request-jti-0123456789"), out,
                        ExampleKeys.rsaSha256(ExampleKeys.CHANNEL_PRIVATE)));
                case STALE -> exchange.getResponseHeaders().set(DetachedJws.HEADER, DetachedJws.sign(
                        boundHeader(requestSignature, iat - WalletConnector.MAX_SKEW_SECONDS - 1, null), out,
                        ExampleKeys.rsaSha256(ExampleKeys.CHANNEL_PRIVATE)));
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

    /**
     * WALLET's answer header for the request signed with {@code requestSignature}: alg, kid, iat, then
     * the request's htm, htu and jti (wallet.md §2); {@code jti} replaces the request's when given.
     */
    private static String boundHeader(String requestSignature, long iat, String jti) {
        jakarta.json.JsonObject request = requestSignature == null ? null : requestHeader(requestSignature);
        String base = DetachedJws.responseHeader(ExampleKeys.CHANNEL_KID, iat);
        if (request == null) {
            return base;
        }
        String echoedJti = jti == null ? request.getString("jti", null) : jti.isEmpty() ? null : jti;
        return base.substring(0, base.length() - 1) + ",\"htm\":\"" + request.getString("htm") + "\",\"htu\":\""
                + request.getString("htu") + "\"" + (echoedJti == null ? "" : ",\"jti\":\"" + echoedJti + "\"") + "}";
    }

    private static jakarta.json.JsonObject requestHeader(String jws) {
        String encoded = jws.substring(0, jws.indexOf('.'));
        String json = new String(java.util.Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
