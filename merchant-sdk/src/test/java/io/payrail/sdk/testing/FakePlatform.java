package io.payrail.sdk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.payrail.sdk.signing.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The platform side of the protocol, written again from the protocol text (not with the SDK's
 * classes), so that a test of the SDK against it checks the SDK against the text: it parses the
 * Authorization header, rebuilds the canonical string from the raw request line and body, checks
 * the merchant's signature, and signs its responses with a platform key, bound to the merchant id
 * and nonce the request carried.
 */
public final class FakePlatform implements AutoCloseable {

    public static final String MERCHANT_ID = "M100001";
    public static final String KEY_ID = "K1";
    public static final String CREATED_BODY = "{\"id\":\"pay_1\",\"state\":\"CREATED\",\"subject\":\"Caf\u00e9 \u2615\"}";

    /**
     * What the platform does to its responses. REPLAY_PREVIOUS answers with the previous response
     * exactly as it was sent (headers and body), as someone replaying a captured answer would.
     */
    public enum Signing { SIGNED, UNSIGNED, TAMPERED_BODY, STALE, REPLAY_PREVIOUS }

    /** A response as sent. */
    private record Sent(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** One request as it arrived on the wire. */
    public record Received(String method, String rawTarget, Map<String, List<String>> headers, byte[] body,
            String authFailure) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private static final Pattern AUTHORIZATION = Pattern.compile("PAYRAIL-SHA256-RSA2048 (.*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    private final HttpServer server;
    private final PublicKey merchantKey;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger certificateFetches = new AtomicInteger();
    private volatile Signing signing = Signing.SIGNED;
    private volatile String platformKeyId = "PLATFORM-1";
    private volatile KeyPair platformKeys = TestKeys.PLATFORM_1;
    private volatile Map<String, X509Certificate> published = Map.of("PLATFORM-1", TestKeys.PLATFORM_1_CERTIFICATE);
    private volatile Sent previous;

    private FakePlatform(HttpServer server, PublicKey merchantKey) {
        this.server = server;
        this.merchantKey = merchantKey;
        server.createContext("/", this::handle);
        server.start();
    }

    /** Plain HTTP on 127.0.0.1, a free port. */
    public static FakePlatform start(PublicKey merchantKey) throws IOException {
        return new FakePlatform(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0),
                merchantKey);
    }

    /** HTTPS on 127.0.0.1 with the given server TLS context. */
    public static FakePlatform startTls(PublicKey merchantKey, SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new FakePlatform(server, merchantKey);
    }

    public URI baseUri() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        String host = server instanceof HttpsServer ? "localhost" : "127.0.0.1";
        return URI.create(scheme + "://" + host + ":" + server.getAddress().getPort());
    }

    public void signing(Signing signing) {
        this.signing = signing;
    }

    /** Rotates: signs with PLATFORM-2 from now on and publishes both certificates. */
    public void rotateToSecondKey() {
        published = Map.of("PLATFORM-1", TestKeys.PLATFORM_1_CERTIFICATE, "PLATFORM-2", TestKeys.PLATFORM_2_CERTIFICATE);
        platformKeys = TestKeys.PLATFORM_2;
        platformKeyId = "PLATFORM-2";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    public int certificateFetches() {
        return certificateFetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String method = exchange.getRequestMethod();
            if (target.endsWith("/api/v1/platform/certificates")) {
                certificateFetches.incrementAndGet();
                reply(exchange, 200, certificatesJson(), Map.of());
                return;
            }
            Map<String, String> attributes = attributes(exchange.getRequestHeaders().getFirst("Authorization"));
            String failure = authenticate(method, target, attributes, body);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            received.add(new Received(method, target, headers, body, failure));
            if (failure != null) {
                reply(exchange, 401, "{\"code\":\"" + failure + "\"}", attributes);
            } else if (method.equals("POST")) {
                reply(exchange, 201, CREATED_BODY, attributes);
            } else {
                reply(exchange, 200, "{\"items\":[]}", attributes);
            }
        }
    }

    /** The Authorization header's attributes; null when it is absent or cannot be read. */
    private static Map<String, String> attributes(String header) {
        Matcher scheme = header == null ? null : AUTHORIZATION.matcher(header);
        if (scheme == null || !scheme.matches()) {
            return null;
        }
        Map<String, String> attributes = new HashMap<>();
        for (String pair : scheme.group(1).split(", ?")) {
            Matcher attribute = ATTRIBUTE.matcher(pair);
            if (!attribute.matches() || attributes.put(attribute.group(1), attribute.group(2)) != null) {
                return null;
            }
        }
        return attributes;
    }

    /** Null when the request verifies, else the protocol's error code. */
    private String authenticate(String method, String target, Map<String, String> attributes, byte[] body) {
        if (attributes == null) {
            return "AUTH_MISSING";
        }
        if (!attributes.keySet().equals(Set.of("merchant_id", "key_id", "timestamp", "nonce", "signature"))) {
            return "AUTH_MALFORMED";
        }
        if (!attributes.get("merchant_id").equals(MERCHANT_ID)) {
            return "AUTH_MERCHANT_UNKNOWN";
        }
        if (!attributes.get("key_id").equals(KEY_ID)) {
            return "AUTH_KEY_UNKNOWN";
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(attributes.get("timestamp"))) > 300) {
            return "AUTH_TIMESTAMP_SKEW";
        }
        byte[] head = (method + "\n" + target + "\n" + attributes.get("timestamp") + "\n" + attributes.get("nonce")
                + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] canonical = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, canonical, 0, head.length);
        System.arraycopy(body, 0, canonical, head.length, body.length);
        canonical[canonical.length - 1] = '\n';
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(merchantKey);
            verifier.update(canonical);
            return verifier.verify(Base64.getDecoder().decode(attributes.get("signature"))) ? null
                    : "AUTH_SIGNATURE_INVALID";
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "AUTH_SIGNATURE_INVALID";
        }
    }

    /**
     * Signs the answer over PAYRAIL-RESPONSE, timestamp, nonce, the merchant id and nonce the
     * request carried (each empty when it carried none), and the body.
     */
    private void reply(HttpExchange exchange, int status, String body, Map<String, String> request) throws IOException {
        Sent replayed = previous;
        if (signing == Signing.REPLAY_PREVIOUS && replayed != null) {
            exchange.getResponseHeaders().putAll(replayed.headers());
            send(exchange, replayed.status(), replayed.body());
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond() - (signing == Signing.STALE ? 301 : 0);
        String nonce = "srv" + Long.toHexString(System.nanoTime()) + "0123456789abcdef0123456789";
        nonce = nonce.substring(0, 32);
        String merchantId = request == null ? "" : request.getOrDefault("merchant_id", "");
        String requestNonce = request == null ? "" : request.getOrDefault("nonce", "");
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        if (signing != Signing.UNSIGNED) {
            headers.add("Payrail-Timestamp", Long.toString(timestamp));
            headers.add("Payrail-Nonce", nonce);
            headers.add("Payrail-Key-Id", platformKeyId);
            headers.add("Payrail-Signature", Base64.getEncoder().encodeToString(signResponse(platformKeys,
                    "PAYRAIL-RESPONSE\n" + timestamp + "\n" + nonce + "\n" + merchantId + "\n" + requestNonce + "\n"
                            + body + "\n")));
            headers.add("Payrail-Merchant-Id", merchantId);
            headers.add("Payrail-Request-Nonce", requestNonce);
        }
        if (signing == Signing.TAMPERED_BODY) {
            bytes = body.replace("CREATED", "SUCCEEDED").getBytes(StandardCharsets.UTF_8);
        }
        previous = new Sent(status, Map.copyOf(headers), bytes);
        send(exchange, status, bytes);
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Signed with the algorithm of the key: RSA or ECDSA. */
    public static byte[] signResponse(KeyPair keys, String canonical) {
        return SignatureAlgorithm.of(keys.getPrivate()).sign(keys.getPrivate(), canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** The certificates document, with its PEMs' newlines escaped as JSON requires. */
    private String certificatesJson() {
        StringBuilder json = new StringBuilder("{\"certificates\":[");
        published.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (json.charAt(json.length() - 1) == '}') {
                json.append(',');
            }
            X509Certificate certificate = entry.getValue();
            json.append("{\"keyId\":\"").append(entry.getKey())
                    .append("\",\"serialNumber\":\"").append(certificate.getSerialNumber().toString(16))
                    .append("\",\"notBefore\":\"").append(certificate.getNotBefore().toInstant())
                    .append("\",\"notAfter\":\"").append(certificate.getNotAfter().toInstant())
                    .append("\",\"pem\":\"").append(pem(certificate).replace("\n", "\\n")).append("\"}");
        });
        return json.append("]}").toString();
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
