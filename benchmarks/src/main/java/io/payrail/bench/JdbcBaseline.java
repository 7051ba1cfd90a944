package io.payrail.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the same database does for a plain JDBC loop: per transaction, two INSERTs (an order-like
 * row and an audit-like row) and a COMMIT, autocommit off, one connection per client, in the
 * scratch database {@code payrail_bench} that ./payrail bench creates and drops. Payrail's rate
 * is printed as a ratio of it: how much of what the database can commit the platform turns into
 * payments.
 */
final class JdbcBaseline {

    static final String STEP_PREFIX = "jdbc-";
    // the loop is a few lines and warms in a moment; no need for the end-to-end warm-up
    private static final Duration WARMUP = Duration.ofSeconds(3);

    private final String url;
    private final String user;
    private final String password;
    private final Meter meter;

    JdbcBaseline(String url, String user, String password, Meter meter) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.meter = meter;
    }

    void createTables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_order (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " order_no VARCHAR(64) NOT NULL, amount_minor BIGINT NOT NULL, created_at DATETIME(6) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS bench_audit (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " order_no VARCHAR(64) NOT NULL, detail VARCHAR(128) NOT NULL, created_at DATETIME(6) NOT NULL)");
        }
    }

    StepResult run(int connections, Duration duration) throws InterruptedException {
        String name = STEP_PREFIX + connections;
        Bench.say(name + ": " + connections + " connection" + (connections == 1 ? "" : "s") + ", 2 inserts and a"
                + " commit per transaction, " + WARMUP.toSeconds() + " s warm-up, " + duration.toSeconds() + " s measured");
        long t0 = System.nanoTime();
        Window window = new Window(t0 + WARMUP.toNanos(), t0 + WARMUP.toNanos() + duration.toNanos());
        Latencies latencies = new Latencies();
        LongAdder committed = new LongAdder();
        AtomicReference<SQLException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int client = i;
            Thread t = new Thread(() -> loop(client, window, latencies, committed, failure), name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Thread.sleep(Math.max(0, (window.startNanos() - System.nanoTime()) / 1_000_000));
        Meter.Reading before = meter.read();
        Thread.sleep(Math.max(0, (window.endNanos() - System.nanoTime()) / 1_000_000));
        Meter.Reading after = meter.read();
        for (Thread t : threads) {
            t.join();
        }
        long done = committed.sum();
        if (failure.get() != null) {
            throw new BenchException("the plain-JDBC baseline failed on " + url + ": " + failure.get().getMessage(),
                    "check that database payrail_bench exists for user " + user + " (./payrail bench creates it), or"
                            + " leave the baseline out: --steps closed,open,fairness", failure.get());
        }
        Meter.Costs costs = Meter.costs(before, after, done);
        StepResult result = new StepResult(name, connections, Double.NaN, window.seconds(), done, 0, 0,
                latencies.summary(), Latencies.Summary.NONE, costs.perPayment(), costs.cpuMs(), null, "none");
        Bench.say(String.format(Locale.ROOT, "%s: %.1f transactions/s, transaction p50/p99/p99.9 %s", name,
                result.perSecond(), result.create().text()));
        return result;
    }

    private void loop(int client, Window window, Latencies latencies, LongAdder committed,
                      AtomicReference<SQLException> failure) {
        try (Connection c = connect();
             PreparedStatement order = c.prepareStatement(
                     "INSERT INTO bench_order (order_no, amount_minor, created_at) VALUES (?, ?, NOW(6))");
             PreparedStatement audit = c.prepareStatement(
                     "INSERT INTO bench_audit (order_no, detail, created_at) VALUES (?, ?, NOW(6))")) {
            c.setAutoCommit(false);
            for (long n = 0; System.nanoTime() < window.endNanos() && failure.get() == null; n++) {
                long start = System.nanoTime();
                String orderNo = "j-" + client + "-" + n;
                order.setString(1, orderNo);
                order.setLong(2, Workload.approvedAmount(n));
                order.executeUpdate();
                audit.setString(1, orderNo);
                audit.setString(2, "created");
                audit.executeUpdate();
                c.commit();
                long end = System.nanoTime();
                if (window.contains(end)) {
                    latencies.record(end - start);
                    committed.increment();
                }
            }
        } catch (SQLException e) {
            failure.compareAndSet(null, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
