package io.payrail.bench;

import io.payrail.sdk.PayrailClient;
import io.payrail.sdk.tls.TrustedCertificates;
import io.payrail.sdk.verification.PlatformCertificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;

/**
 * {@code ./payrail bench}: measures a running stack end to end and against a plain-JDBC baseline,
 * prints the figures and appends them to benchmarks/results/bench.csv. What each step does and
 * how each figure is computed: benchmarks/README.md. Started by benchmarks/bench.sh, which finds
 * the stack (URLs, pid files, versions) and creates and drops the baseline's scratch database.
 */
public final class Bench {

    private static final long STARTED = System.nanoTime();
    private static final String KEY_ID = "K1";
    private static final int SPREAD = 32;
    private static final double OPEN_LOOP_SHARE = 0.7;

    private final BenchOptions options;
    private final String startHint;
    private final List<BenchMerchant> merchants = new ArrayList<>();
    private String runTag;
    private SSLContext tls;
    private OperatorApi operator;
    private PlatformCertificates certificates;
    private MerchantKeys keys;
    private Completions completions;

    private Bench(BenchOptions options) {
        this.options = options;
        this.startHint = options.profile().equals("test")
                ? "start it: ./payrail test-up (with the same PAYRAIL_PORT_OFFSET)" : "start it: ./payrail run";
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (Options.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        try {
            new Bench(options).run();
            System.exit(0);
        } catch (BenchException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.err.println("       next: " + e.next());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("interrupted");
            System.exit(1);
        } catch (Exception e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            System.err.println("the bench failed: " + e + "\n" + trace);
            System.err.println("       next: read the trace above; the stack's logs are in .runtime/<profile>/logs/");
            System.exit(1);
        }
    }

    /** A progress line, with the seconds since the bench started. */
    static void say(String message) {
        System.out.printf(Locale.ROOT, "[bench %4ds] %s%n", (System.nanoTime() - STARTED) / 1_000_000_000L, message);
    }

    private void run() throws Exception {
        Files.createDirectories(options.outDir());
        String password = Optional.ofNullable(System.getenv("PAYRAIL_DB_PASSWORD")).orElse("payrail");
        try (Connection status = connectDatabase(password)) {
            MachineFacts facts = MachineFacts.collect(options.payaraVersion(), mariadbVersion(status),
                    options.artemisVersion());
            Meter meter = new Meter(status, new ProcessCpu(pids(), options.clockTicks()), options.dbUrl());
            connectPlatform();
            try {
                List<StepResult> results = measure(meter, password);
                report(results, facts);
            } finally {
                for (BenchMerchant m : merchants) {
                    m.receiver().close();
                }
            }
        }
    }

    private List<StepResult> measure(Meter meter, String password) throws Exception {
        completions = new Completions();
        Driver driver = new Driver(completions, options.finishTimeout());
        Steps steps = new Steps(driver, meter, options.warmup());
        runTag = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        BenchMerchant hot = newMerchant(("BENCH-" + runTag).toUpperCase(Locale.ROOT));
        Workload workload = workload();
        say("mode " + options.modeName() + ", keys " + options.keysName() + ", merchant " + hot.id() + "; files in "
                + options.outDir());

        List<StepResult> results = new ArrayList<>();
        Map<Integer, StepResult> closed = new LinkedHashMap<>();
        double best = Double.NaN;
        if (options.steps().contains(BenchOptions.Step.CLOSED)) {
            for (int clients : options.clients()) {
                StepResult r = steps.closed(Steps.CLOSED_PREFIX + clients, workload, List.of(hot), clients,
                        options.duration(), best);
                closed.put(clients, r);
                results.add(r);
                best = Double.isNaN(best) ? r.perSecond() : Math.max(best, r.perSecond());
            }
        }
        if (options.steps().contains(BenchOptions.Step.OPEN)) {
            double rate = options.rate();
            if (Double.isNaN(rate)) {
                if (Double.isNaN(best) || best <= 0) {
                    throw new BenchException("the open loop's rate is 70% of the best closed-loop rate, and no closed"
                            + " loop completed anything", "give the rate: --rate PER_SECOND (or run --steps closed,open)");
                }
                rate = OPEN_LOOP_SHARE * best;
            }
            results.add(steps.open(workload, hot, rate, options.openDuration()));
        }
        if (options.steps().contains(BenchOptions.Step.FAIRNESS)) {
            StepResult single = closed.get(SPREAD);
            if (single == null) {
                single = steps.closed(Steps.CLOSED_PREFIX + SPREAD, workload, List.of(hot), SPREAD, options.duration(),
                        best);
                results.add(single);
            }
            List<BenchMerchant> spread = new ArrayList<>();
            for (int i = 1; i <= SPREAD; i++) {
                spread.add(newMerchant(String.format("%s-S%02d", hot.id(), i)));
            }
            say(SPREAD + " more merchants created, " + spread.get(0).id() + " to " + spread.get(SPREAD - 1).id());
            results.add(steps.closed(Steps.SPREAD_PREFIX + SPREAD, workload, spread, SPREAD, options.duration(),
                    single.perSecond()));
        }
        if (options.steps().contains(BenchOptions.Step.BASELINE)) {
            if (options.baselineDbUrl() == null) {
                say("no --baseline-db-url: the plain-JDBC baseline is left out");
            } else {
                JdbcBaseline baseline = new JdbcBaseline(options.baselineDbUrl(), options.dbUser(), password, meter);
                baseline.createTables();
                for (int clients : options.clients()) {
                    results.add(baseline.run(clients, options.baselineDuration()));
                }
            }
        }
        return results;
    }

    private Workload workload() {
        PaymentWorkload card = new PaymentWorkload("BANK_CARD", runTag, options.simUrl());
        return switch (options.mode()) {
            case CARD -> card;
            case WALLET -> new PaymentWorkload("WALLET", runTag, options.simUrl());
            case REFUND -> new RefundWorkload(card, runTag);
        };
    }

    // --- the stack ---------------------------------------------------------------------------------------

    private Connection connectDatabase(String password) {
        try {
            return DriverManager.getConnection(options.dbUrl(), options.dbUser(), password);
        } catch (SQLException e) {
            throw new BenchException("the stack's database does not answer at " + options.dbUrl() + " as "
                    + options.dbUser() + ": " + e.getMessage(), startHint, e);
        }
    }

    private static String mariadbVersion(Connection status) throws SQLException {
        try (Statement s = status.createStatement(); ResultSet r = s.executeQuery("SELECT VERSION()")) {
            return r.next() ? r.getString(1) : "unknown";
        }
    }

    /** The pids of the stack's processes, from their pid files; a missing file leaves that process out. */
    private Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        options.pidFiles().forEach((name, file) -> {
            try {
                pids.put(name, Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()));
            } catch (IOException | NumberFormatException e) {
                say("no pid for " + name + " in " + file + ": its CPU is not measured (" + e.getMessage() + ")");
            }
        });
        return pids;
    }

    /** TLS, the operator token, the platform certificates and the simulator: each missing piece says what to do. */
    private void connectPlatform() throws InterruptedException {
        if (!Files.isReadable(options.tlsCert()) || !Files.isReadable(options.operatorTokenFile())) {
            throw new BenchException("the stack's TLS certificate " + options.tlsCert() + " or operator token "
                    + options.operatorTokenFile() + " is missing: the stack was never started here", startHint);
        }
        try {
            tls = TrustedCertificates.sslContextTrusting(options.tlsCert());
            operator = new OperatorApi(options.baseUrl(), Files.readString(options.operatorTokenFile(),
                    StandardCharsets.UTF_8).strip(), tls);
            // the certificates are fetched without credentials; the builder only insists on a key
            certificates = PayrailClient.builder().baseUri(options.baseUrl()).merchantId("BENCH").keyId(KEY_ID)
                    .privateKey((RSAPrivateKey) throwawayKey().getPrivate()).sslContext(tls).fetchPlatformCertificates()
                    .build().platformCertificates();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new BenchException("the stack is not running: " + options.baseUrl() + " does not answer ("
                    + e.getMessage() + ")", startHint, e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(options.simUrl() + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200 || !health.body().contains("UP")) {
                throw new IOException("health answered HTTP " + health.statusCode() + ": " + Json.excerpt(health.body()));
            }
        } catch (IOException e) {
            throw new BenchException("the channel simulator is not running at " + options.simUrl() + " ("
                    + e.getMessage() + ")", startHint, e);
        }
    }

    private static KeyPair throwawayKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A fresh merchant with its own key pair and its own notification receiver. */
    private BenchMerchant newMerchant(String id) throws IOException, InterruptedException {
        keys = keys == null ? new MerchantKeys(options.keys()) : keys;
        NotificationReceiver receiver = new NotificationReceiver(certificates, id,
                options.outDir().resolve("notifications-" + id + ".tsv"), completions::acknowledged);
        try {
            KeyPair pair = keys.newKeyPair();
            try {
                operator.createMerchant(id, "Bench " + runTag, receiver.url());
                keys.register(operator, id, KEY_ID, pair);
            } catch (IOException e) {
                throw new BenchException("could not set up the bench's merchant " + id + " through the operator API: "
                        + e.getMessage(), "see the stack's payara-server.log in .runtime/" + options.profile() + "/logs/", e);
            }
            PayrailClient client = keys.signWith(PayrailClient.builder(), pair).baseUri(options.baseUrl())
                    .merchantId(id).keyId(KEY_ID).sslContext(tls).platformCertificates(certificates)
                    .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(60)).build();
            BenchMerchant merchant = new BenchMerchant(id, client, receiver);
            merchants.add(merchant);
            return merchant;
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    // --- the report --------------------------------------------------------------------------------------

    private void report(List<StepResult> results, MachineFacts facts) throws IOException {
        BenchCsv.Run run = new BenchCsv.Run(Instant.now(), options.commit(), options.modeName(), options.keysName(),
                facts, options.note());
        System.out.println();
        System.out.println(Report.table(results, run));
        // read before this run's rows are appended, so "the other keys" is always an earlier run
        System.out.println(Report.beside(results, run, BenchCsv.newest(options.csv(), options.modeName(),
                "ec".equals(options.keysName()) ? "rsa" : "ec")));
        if (options.csv() == null) {
            say("--no-csv: nothing appended");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (StepResult r : results) {
            rows.add(BenchCsv.row(run, r, BenchCsv.derive(results, r)));
        }
        BenchCsv.append(options.csv(), rows);
        say(rows.size() + " rows appended to " + options.csv());
    }
}
