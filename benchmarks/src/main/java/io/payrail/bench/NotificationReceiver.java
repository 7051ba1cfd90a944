package io.payrail.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.payrail.sdk.verification.PlatformCertificates;
import io.payrail.sdk.verification.PlatformSignatureVerifier;
import io.payrail.sdk.verification.SignatureVerificationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The merchant's notify endpoint: {@code POST /notify} on 127.0.0.1 (a random port). Verifies the
 * platform signature with the platform certificates, for this merchant only (its signed text and
 * its body's merchantId), then acknowledges with 200 and appends one
 * line per received notification to {@code notifications.tsv}:
 * {@code receivedAt eventId eventType resourceId sequence}. A notification whose signature does not
 * verify is answered 401 (the platform retries it) and counted. Deduplication is by event id, as
 * docs/notifications.md asks of merchants; every POST is still written down, so repeats are visible.
 */
final class NotificationReceiver implements AutoCloseable {

    static final String PATH = "/notify";

    private final HttpServer server;
    private final ExecutorService executor;
    private final PlatformSignatureVerifier verifier;
    private final String merchantId;
    private final BufferedWriter log;
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Listener listener;

    /** Told of each acknowledged notification, once its 200 is sent (the bench waits for them). */
    interface Listener {
        void acknowledged(String eventType, String resourceId, long atNanos);
    }

    NotificationReceiver(PlatformCertificates certificates, String merchantId, Path logFile) throws IOException {
        this(certificates, merchantId, logFile, (eventType, resourceId, atNanos) -> { });
    }

    NotificationReceiver(PlatformCertificates certificates, String merchantId, Path logFile, Listener listener)
            throws IOException {
        this.listener = listener;
        this.verifier = new PlatformSignatureVerifier(certificates);
        this.merchantId = merchantId;
        this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "notify-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            try {
                verifier.verifyNotification(name -> exchange.getRequestHeaders().getFirst(name), body, merchantId);
            } catch (SignatureVerificationException e) {
                badSignatures.incrementAndGet();
                System.out.println("[receiver] notification NOT acknowledged, signature did not verify: " + e.getMessage());
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String json = new String(body, StandardCharsets.UTF_8);
            String headerId = exchange.getRequestHeaders().getFirst("Payrail-Event-Id");
            String eventId = Json.string(json, "eventId").orElse(null);
            if (eventId == null || (headerId != null && !headerId.equals(eventId))) {
                unreadable.incrementAndGet();
                System.out.println("[receiver] notification NOT acknowledged: event id header " + headerId
                        + " vs body " + eventId);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String eventType = Json.string(json, "eventType").orElse("?");
            String resourceId = Json.dataId(json).orElse("?");
            String line = Instant.now() + "\t" + eventId + "\t" + eventType + "\t" + resourceId + "\t"
                    + Json.number(json, "sequence").map(String::valueOf).orElse("?");
            if (!eventIds.add(eventId)) {
                repeats.incrementAndGet();
            }
            // written down before the 200: an acknowledged event is always in the file
            append(line);
            exchange.sendResponseHeaders(200, -1);
            listener.acknowledged(eventType, resourceId, System.nanoTime());
        }
    }

    private void append(String line) {
        synchronized (log) {
            try {
                log.write(line);
                log.newLine();
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    long posts() {
        return posts.get();
    }

    long uniqueEvents() {
        return eventIds.size();
    }

    long repeats() {
        return repeats.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    String summary() {
        return "notifications received " + posts() + " (unique event ids " + uniqueEvents() + ", repeats " + repeats()
                + ", bad signatures " + badSignatures() + ", unreadable " + unreadable() + ")";
    }

    @Override
    public void close() throws IOException {
        server.stop(1);
        executor.shutdownNow();
        synchronized (log) {
            log.close();
        }
    }
}
