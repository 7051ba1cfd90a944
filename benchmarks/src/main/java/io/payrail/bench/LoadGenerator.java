package io.payrail.bench;

import io.payrail.sdk.PayrailClient;
import io.payrail.sdk.PayrailResponse;
import io.payrail.sdk.UnverifiedResponseException;
import io.payrail.sdk.tls.TrustedCertificates;
import io.payrail.sdk.verification.PlatformCertificates;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Load for Payrail through the public merchant API, built for fault runs (benchmarks/fault-run.sh):
 * a fresh merchant with its own key pair, N concurrent clients creating payments with unique
 * merchant order numbers, and a notification receiver that stays up after the load until a stop
 * file appears. A create whose outcome is unknown (no answer, an unsigned answer, a 5xx) is
 * repeated with the same body, so the same merchant order number, until it is answered 201/200 or
 * the retry deadline passes: the platform must turn every repeat into the one order.
 *
 * <p>Files in the output directory, for the script to read:
 * <ul>
 * <li>{@code ready}: {@code key=value} lines (merchant, keyId, notifyUrl) once the merchant exists and the
 *     receiver listens;</li>
 * <li>{@code orders.tsv}: {@code orderId merchantOrderNo amount firstOkStatus attempts confirmedAtMs}
 *     for every confirmed create (written at the end of the load);</li>
 * <li>{@code unconfirmed.tsv}: {@code merchantOrderNo amount attempts lastError} for creates that never
 *     got a 200/201 (gave up at the deadline, or a final 4xx);</li>
 * <li>{@code notifications.tsv}: one line per acknowledged notification POST, appended as they arrive;</li>
 * <li>{@code load-done}: the load's summary as {@code key=value} lines, written last;</li>
 * <li>{@code receiver-done}: the receiver's summary, when it stopped.</li>
 * </ul>
 */
public final class LoadGenerator {

    private static final String PAYMENTS = "/api/v1/payments";
    private static final String KEY_ID = "K1";
    private static final int CASHIER_EXPIRY_SECONDS = 120;

    private final Options options;
    private final LoadStats stats = new LoadStats((kind, detail) -> log("first " + kind + ": " + detail));
    private final AtomicLong sequence = new AtomicLong();
    private final Queue<Confirmed> confirmed = new ConcurrentLinkedQueue<>();
    private final Queue<Unconfirmed> unconfirmed = new ConcurrentLinkedQueue<>();
    private final long startNanos = System.nanoTime();
    private String runTag;

    private record Confirmed(String orderId, String merchantOrderNo, long amount, int status, int attempts,
                             long confirmedAtMillis) {
    }

    private record Unconfirmed(String merchantOrderNo, long amount, int attempts, String lastError) {
    }

    private LoadGenerator(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        try {
            new LoadGenerator(options).run();
            System.exit(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("interrupted");
            System.exit(1);
        } catch (Exception e) {
            System.err.println("load generator failed: " + e);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            System.err.println(trace);
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Path out = options.outDir();
        Files.createDirectories(out);
        for (String stale : List.of("ready", "load-done", "receiver-done", "orders.tsv", "unconfirmed.tsv",
                "notifications.tsv")) {
            Files.deleteIfExists(out.resolve(stale));
        }
        Files.deleteIfExists(options.stopFile());

        SSLContext tls = TrustedCertificates.sslContextTrusting(options.tlsCert());
        String token = Files.readString(options.operatorTokenFile(), StandardCharsets.UTF_8).strip();
        Instant started = Instant.now();
        runTag = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC).format(started)
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        String merchantId = (options.merchantPrefix() + "-" + runTag).toUpperCase(Locale.ROOT);
        KeyPair keys = newKeyPair();
        RSAPrivateKey privateKey = (RSAPrivateKey) keys.getPrivate();

        // the platform certificates once, trusted through TLS; every client and the receiver verify with them
        PlatformCertificates certificates = PayrailClient.builder().baseUri(options.baseUrl()).merchantId(merchantId)
                .keyId(KEY_ID).privateKey(privateKey).sslContext(tls).fetchPlatformCertificates().build()
                .platformCertificates();

        try (NotificationReceiver receiver = new NotificationReceiver(certificates, merchantId,
                out.resolve("notifications.tsv"))) {
            OperatorApi operator = new OperatorApi(options.baseUrl(), token, tls);
            operator.createMerchant(merchantId, "Fault run " + runTag, receiver.url());
            operator.registerKey(merchantId, KEY_ID, keys.getPublic());
            log("merchant " + merchantId + " created (key " + KEY_ID + ", notify URL " + receiver.url() + ")");
            writeAtomically(out.resolve("ready"), "merchant=" + merchantId + "\nkeyId=" + KEY_ID + "\nnotifyUrl="
                    + receiver.url() + "\nstartedAt=" + started + "\n");

            List<PayrailClient> clients = new ArrayList<>();
            for (int i = 0; i < options.clients(); i++) {
                clients.add(PayrailClient.builder().baseUri(options.baseUrl()).merchantId(merchantId).keyId(KEY_ID)
                        .privateKey(privateKey).sslContext(tls).platformCertificates(certificates)
                        .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(20)).build());
            }
            log("load: " + options.clients() + " clients for " + options.duration().toSeconds() + " s"
                    + (options.maxOrders() > 0 ? " (at most " + options.maxOrders() + " orders)" : "")
                    + ", retrying unknown outcomes with the same merchant order number until "
                    + options.retryDeadline().toSeconds() + " s");

            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
            });
            long[] last = {0, 0, System.nanoTime()};
            progress.scheduleAtFixedRate(() -> printProgress(receiver, last), options.progressEvery().toMillis(),
                    options.progressEvery().toMillis(), TimeUnit.MILLISECONDS);

            List<Thread> workers = new ArrayList<>();
            for (PayrailClient client : clients) {
                CashierPayer payer = new CashierPayer(options.baseUrl(), options.simUrl(), tls, stats);
                Thread t = new Thread(() -> work(client, payer), "client-" + workers.size());
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                t.join();
            }
            progress.shutdownNow();
            printProgress(receiver, last);
            writeResults(out);
            String summary = summary();
            log("load finished: " + summary.replace('\n', ' ').strip());
            writeAtomically(out.resolve("load-done"), summary);

            awaitStop(receiver);
            log("receiver stopping: " + receiver.summary());
            writeAtomically(out.resolve("receiver-done"), "posts=" + receiver.posts() + "\nuniqueEvents="
                    + receiver.uniqueEvents() + "\nrepeats=" + receiver.repeats() + "\nbadSignatures="
                    + receiver.badSignatures() + "\nunreadable=" + receiver.unreadable() + "\n");
        }
    }

    /** One client: new orders until the load ends, each retried until confirmed or the deadline. */
    private void work(PayrailClient client, CashierPayer payer) {
        long loadEnd = startNanos + options.duration().toNanos();
        long deadline = startNanos + options.retryDeadline().toNanos();
        while (System.nanoTime() < loadEnd && !endRequested()) {
            long n = sequence.incrementAndGet();
            if (options.maxOrders() > 0 && n > options.maxOrders()) {
                return;
            }
            String orderNo = "fr-" + runTag + "-" + String.format("%06d", n);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            boolean atCashier = random.nextInt(100) < options.cashierPercent();
            long amount = amount();
            // a CASHIER order closes at its expiry if its payer never manages to pay (kept short, so the
            // run converges); the simulated banks' amount-based declines do not apply to card channels
            String body = "{\"merchantOrderNo\":\"" + orderNo + "\",\"amount\":" + amount
                    + ",\"currency\":\"USD\",\"subject\":\"Fault run order " + n + "\",\"paymentMethod\":\""
                    + (atCashier ? "CASHIER\",\"expiresInSeconds\":" + CASHIER_EXPIRY_SECONDS : "BANK_CARD\"") + "}";
            try {
                String answer = create(client, orderNo, amount, body, deadline);
                if (atCashier && answer != null) {
                    Optional<String> cashierUrl = Json.string(answer, "cashierUrl");
                    if (cashierUrl.isPresent()) {
                        payer.pay(cashierUrl.get(), random.nextBoolean(), random.nextInt(100) < options.declinePercent(),
                                deadline);
                        stats.paidAtCashier.increment();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The fault run ends the load by creating the end file, once its last restart is some seconds behind. */
    private boolean endRequested() {
        return options.endFile() != null && Files.exists(options.endFile());
    }

    /** @return the confirmed answer's body, or null when the create was never confirmed */
    private String create(PayrailClient client, String orderNo, long amount, String body, long deadline)
            throws InterruptedException {
        int attempts = 0;
        boolean retrying = false;
        String lastError = null;
        try {
            while (true) {
                attempts++;
                if (attempts > 1) {
                    stats.retried.increment();
                }
                stats.requests.increment();
                long waitMillis = backoff(attempts);
                try {
                    PayrailResponse response = client.post(PAYMENTS, body);
                    int status = response.status();
                    if (status == 201 || status == 200) {
                        String id = Json.string(response.body(), "id").orElse(null);
                        if (id == null) {
                            lastError = "HTTP " + status + " without an id: " + Json.excerpt(response.body());
                            stats.error("answer-without-id", lastError);
                        } else {
                            (status == 201 ? stats.created : stats.replayed).increment();
                            confirmed.add(new Confirmed(id, orderNo, amount, status, attempts, elapsedMillis()));
                            return response.body();
                        }
                    } else if (status == 429) {
                        lastError = "HTTP 429";
                        stats.error("http-429", lastError);
                        waitMillis = Math.max(waitMillis, 1000L * Math.min(5, retryAfter(response)));
                    } else if (status >= 500) {
                        lastError = "HTTP " + status + ": " + Json.excerpt(response.body());
                        stats.error("http-" + status, lastError);
                    } else {
                        // a signed, final refusal of a valid request: not retried, reported
                        lastError = "HTTP " + status + ": " + Json.excerpt(response.body());
                        stats.error("http-" + status, lastError);
                        stats.rejected.increment();
                        unconfirmed.add(new Unconfirmed(orderNo, amount, attempts, lastError));
                        return null;
                    }
                } catch (UnverifiedResponseException e) {
                    PayrailResponse unsigned = e.unverifiedResponse();
                    // not from the Payrail API (e.g. the server's own error page while the application starts)
                    lastError = "unsigned answer HTTP " + unsigned.status() + ", " + unsigned.header("Content-Type")
                            .orElse("no content type") + ": " + Json.excerpt(unsigned.body());
                    stats.error("unsigned-http-" + unsigned.status(), lastError);
                } catch (IOException e) {
                    String kind = classify(e);
                    lastError = kind + ": " + e.getMessage();
                    stats.error(kind, lastError);
                }
                if (!retrying) {
                    retrying = true;
                    stats.inRetry.incrementAndGet();
                }
                if (System.nanoTime() + waitMillis * 1_000_000L > deadline) {
                    stats.unconfirmed.increment();
                    unconfirmed.add(new Unconfirmed(orderNo, amount, attempts, lastError));
                    return null;
                }
                Thread.sleep(waitMillis);
            }
        } finally {
            if (retrying) {
                stats.inRetry.decrementAndGet();
            }
        }
    }

    /** 100 ms doubling up to 2 s, with jitter so the clients do not retry in step. */
    private static long backoff(int attempt) {
        long base = Math.min(2000L, 100L << Math.min(attempt - 1, 5));
        return base + ThreadLocalRandom.current().nextLong(100);
    }

    private static long retryAfter(PayrailResponse response) {
        try {
            return Math.max(1, Long.parseLong(response.header("Retry-After").orElse("1").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Kinds of "no answer", for the progress line. */
    static String classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connect-refused";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "connect-timeout";
            }
            if (t instanceof HttpTimeoutException) {
                return "timeout";
            }
            if (t instanceof EOFException) {
                return "connection-closed";
            }
            if (t instanceof SSLException) {
                return "tls-broken";
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("reset") || message.contains("closed") || message.contains("broken pipe")) {
                return "connection-closed";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "io-" + root.getClass().getSimpleName();
    }

    /** Amounts in cents; about declinePercent of them end in 13 or 14, which the simulated bank declines. */
    private long amount() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long dollars = 1 + random.nextLong(500);
        if (random.nextInt(100) < options.declinePercent()) {
            return dollars * 100 + (random.nextBoolean() ? 13 : 14);
        }
        long cents = random.nextLong(100);
        if (cents == 13 || cents == 14) {
            cents = 15;
        }
        return dollars * 100 + cents;
    }

    private void printProgress(NotificationReceiver receiver, long[] last) {
        long now = System.nanoTime();
        long done = stats.created.sum() + stats.replayed.sum();
        long requests = stats.requests.sum();
        double seconds = Math.max(0.001, (now - last[2]) / 1e9);
        System.out.printf(Locale.ROOT, "[load %4ds] confirmed %d (%.1f/s; 201 %d, 200-replay %d), requests %d (%.1f/s),"
                        + " retrying now %d, gave up %d, rejected %d | errors: %s | notifications %d%n",
                elapsedMillis() / 1000, done, (done - last[0]) / seconds, stats.created.sum(), stats.replayed.sum(),
                requests, (requests - last[1]) / seconds, stats.inRetry.get(), stats.unconfirmed.sum(),
                stats.rejected.sum(), stats.errorsText(), receiver.uniqueEvents());
        last[0] = done;
        last[1] = requests;
        last[2] = now;
    }

    private void writeResults(Path out) throws IOException {
        List<Confirmed> ok = new ArrayList<>(confirmed);
        ok.sort(Comparator.comparing(Confirmed::merchantOrderNo));
        StringBuilder b = new StringBuilder();
        for (Confirmed c : ok) {
            b.append(c.orderId()).append('\t').append(c.merchantOrderNo()).append('\t').append(c.amount()).append('\t')
                    .append(c.status()).append('\t').append(c.attempts()).append('\t').append(c.confirmedAtMillis())
                    .append('\n');
        }
        writeAtomically(out.resolve("orders.tsv"), b.toString());
        StringBuilder u = new StringBuilder();
        for (Unconfirmed c : unconfirmed) {
            u.append(c.merchantOrderNo()).append('\t').append(c.amount()).append('\t').append(c.attempts()).append('\t')
                    .append(String.valueOf(c.lastError()).replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        writeAtomically(out.resolve("unconfirmed.tsv"), u.toString());
    }

    private String summary() {
        long retriedOrders = confirmed.stream().filter(c -> c.attempts() > 1).count();
        double seconds = Math.max(0.001, elapsedMillis() / 1000.0);
        long done = stats.created.sum() + stats.replayed.sum();
        return "started=" + sequence.get() + "\nconfirmed=" + done + "\ncreated201=" + stats.created.sum()
                + "\nreplayed200=" + stats.replayed.sum() + "\nconfirmedAfterRetry=" + retriedOrders + "\nunconfirmed="
                + stats.unconfirmed.sum() + "\nrejected=" + stats.rejected.sum() + "\nrequests=" + stats.requests.sum()
                + "\nretries=" + stats.retried.sum() + "\nerrors=" + stats.errorTotal() + "\nerrorKinds="
                + stats.errorsText() + "\nunsigned404=" + stats.errorsOf(LoadStats::isUnsigned404) + "\nstatus5xx="
                + stats.errorsOf(LoadStats::isStatus5xx) + "\nseconds=" + String.format(Locale.ROOT, "%.1f", seconds)
                + "\nordersPerSecond=" + String.format(Locale.ROOT, "%.1f", done / seconds) + "\ncashierPayers="
                + stats.paidAtCashier.sum() + "\n";
    }

    /** Keeps acknowledging notifications until the stop file appears (or receiver-max passes). */
    private void awaitStop(NotificationReceiver receiver) throws InterruptedException {
        log("receiver keeps running until " + options.stopFile() + " exists (at most "
                + options.receiverMax().toSeconds() + " s)");
        long until = System.nanoTime() + options.receiverMax().toNanos();
        long nextPrint = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.exists(options.stopFile())) {
            if (System.nanoTime() > until) {
                log("receiver-max passed without a stop file; stopping");
                return;
            }
            if (System.nanoTime() > nextPrint) {
                log(receiver.summary());
                nextPrint = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            }
            Thread.sleep(250);
        }
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void log(String message) {
        System.out.printf(Locale.ROOT, "[load %4ds] %s%n", elapsedMillis() / 1000, message);
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeyPair newKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
