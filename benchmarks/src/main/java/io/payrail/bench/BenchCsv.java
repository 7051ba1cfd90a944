package io.payrail.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * benchmarks/results/bench.csv: one row per measured step, every run appended, each row carrying
 * the run's commit and the machine's facts. The columns are described in benchmarks/README.md;
 * "per payment" means per completed iteration of the step (a refund in refund mode, a transaction
 * in a jdbc row). Numbers use a dot and no thousands separator; a figure not measured is empty.
 */
final class BenchCsv {

    /** The processes whose CPU is measured, in column order. */
    static final List<String> PROCESSES = List.of("payara", "mariadb", "artemis", "simulator", ProcessCpu.SELF);

    static final List<String> HEADER = header();

    private BenchCsv() {
    }

    /** What is the same for every row of one run. */
    record Run(Instant at, String commit, String mode, String keys, MachineFacts facts, String note) {
    }

    /**
     * Figures a row takes from other steps of its run.
     *
     * @param baselinePerSecond the plain-JDBC transactions per second at the same number of clients
     * @param hotVsSpread       on a spread row: the single hot merchant's rate over the spread load's
     */
    record Derived(double baselinePerSecond, double hotVsSpread) {

        static final Derived NONE = new Derived(Double.NaN, Double.NaN);

        double ratioToBaseline(StepResult result) {
            return result.perSecond() / baselinePerSecond;
        }
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("utc_time", "commit", "mode", "keys", "step", "clients", "rate_per_s",
                "duration_s", "payments", "payments_per_s", "failed", "unfinished",
                "create_p50_ms", "create_p99_ms", "create_p999_ms", "create_max_ms",
                "e2e_p50_ms", "e2e_p99_ms", "e2e_p999_ms", "e2e_max_ms", "backlog_slope_per_s", "backlog_series",
                "statements_per_payment", "selects_per_payment", "inserts_per_payment", "updates_per_payment",
                "deletes_per_payment", "sets_per_payment", "commits_per_payment", "handler_commits_per_payment",
                "data_fsyncs_per_payment", "log_fsyncs_per_payment"));
        PROCESSES.forEach(p -> h.add("cpu_" + p + "_ms_per_payment"));
        h.addAll(List.of("baseline_tx_per_s", "ratio_to_baseline", "hot_vs_spread", "cores", "cpu_model", "ram_mb",
                "java", "payara", "mariadb", "artemis", "errors", "note"));
        return List.copyOf(h);
    }

    /** The cells of one row, in {@link #HEADER}'s order. */
    static List<String> row(Run run, StepResult r, Derived derived) {
        List<String> c = new ArrayList<>();
        c.add(run.at().truncatedTo(ChronoUnit.SECONDS).toString());
        c.add(run.commit());
        c.add(run.mode());
        c.add(run.keys());
        c.add(r.step());
        c.add(r.clients() > 0 ? Integer.toString(r.clients()) : "");
        c.add(Figures.decimal(r.ratePerSecond(), 1));
        c.add(Figures.decimal(r.seconds(), 1));
        c.add(Long.toString(r.payments()));
        c.add(Figures.decimal(r.perSecond(), 1));
        c.add(Long.toString(r.failed()));
        c.add(Long.toString(r.unfinished()));
        latencies(c, r.create());
        latencies(c, r.endToEnd());
        c.add(r.backlog() == null ? "" : Figures.decimal(r.backlog().slope(), 2));
        c.add(r.backlog() == null ? "" : r.backlog().series());
        ServerCounters.PerPayment p = r.perPayment();
        for (double v : new double[] {p.statements(), p.selects(), p.inserts(), p.updates(), p.deletes(), p.sets(),
                p.commits(), p.handlerCommits(), p.dataFsyncs(), p.logFsyncs()}) {
            c.add(Figures.decimal(v, 2));
        }
        for (String process : PROCESSES) {
            c.add(Figures.decimal(r.cpuMsPerPayment().getOrDefault(process, Double.NaN), 3));
        }
        c.add(Figures.decimal(derived.baselinePerSecond(), 1));
        c.add(Figures.decimal(derived.ratioToBaseline(r), 4));
        c.add(Figures.decimal(derived.hotVsSpread(), 2));
        MachineFacts f = run.facts();
        c.addAll(List.of(Integer.toString(f.cores()), f.cpuModel(), Long.toString(f.ramMb()), f.java(), f.payara(),
                f.mariadb(), f.artemis(), r.errors(), run.note()));
        return c;
    }

    private static void latencies(List<String> cells, Latencies.Summary s) {
        cells.add(Figures.ms(s.p50Ms()));
        cells.add(Figures.ms(s.p99Ms()));
        cells.add(Figures.ms(s.p999Ms()));
        cells.add(Figures.ms(s.maxMs()));
    }

    /** One CSV line (RFC 4180): a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String line(List<String> cells) {
        return cells.stream().map(BenchCsv::cell).collect(Collectors.joining(","));
    }

    private static String cell(String value) {
        String v = value == null ? "" : value.replace("\r", " ").replace("\n", " ");
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /**
     * Appends the rows, writing the header first into a new or empty file. A file whose header is
     * another (written by another version of the bench) is left alone: rows under the wrong
     * columns would be read wrongly later.
     */
    static void append(Path file, List<List<String>> rows) throws IOException {
        String header = line(HEADER);
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            text.append(header).append('\n');
        } else {
            String first;
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                first = lines.findFirst().orElse("");
            }
            if (!first.equals(header)) {
                throw new BenchException("the columns of " + file + " are not this bench version's",
                        "move it aside (e.g. to " + file.getFileName() + ".old) and run again; the new file gets"
                                + " the current header");
            }
        }
        rows.forEach(r -> text.append(line(r)).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The newest earlier run of a mode with other keys: when and at which commit, and payments/s per step. */
    record EarlierRun(String at, String commit, String keys, Map<String, String> perSecondByStep) {
    }

    /**
     * The newest run in {@code file} of {@code mode} with {@code keys}, so a run with EC keys prints
     * beside the RSA figures (and the other way round); null when there is none or no file.
     */
    static EarlierRun newest(Path file, String mode, String keys) throws IOException {
        if (file == null || !Files.exists(file)) {
            return null;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(line(HEADER))) {
            return null;
        }
        int at = HEADER.indexOf("utc_time");
        int commit = HEADER.indexOf("commit");
        int step = HEADER.indexOf("step");
        int perSecond = HEADER.indexOf("payments_per_s");
        List<List<String>> rows = lines.stream().skip(1).map(BenchCsv::cells)
                .filter(c -> c.size() == HEADER.size() && c.get(HEADER.indexOf("mode")).equals(mode)
                        && c.get(HEADER.indexOf("keys")).equals(keys))
                .toList();
        if (rows.isEmpty()) {
            return null;
        }
        List<String> last = rows.get(rows.size() - 1);
        Map<String, String> byStep = new LinkedHashMap<>();
        rows.stream().filter(c -> c.get(at).equals(last.get(at)) && c.get(commit).equals(last.get(commit)))
                .forEach(c -> byStep.put(c.get(step), c.get(perSecond)));
        return new EarlierRun(last.get(at), last.get(commit), keys, byStep);
    }

    /** The cells of one line as {@link #line} writes them. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The figures a result takes from the other results of its run. */
    static Derived derive(List<StepResult> results, StepResult r) {
        double baseline = r.isBaseline() || r.clients() == 0 ? Double.NaN
                : find(results, JdbcBaseline.STEP_PREFIX + r.clients());
        double hotVsSpread = r.step().startsWith(Steps.SPREAD_PREFIX)
                ? find(results, Steps.CLOSED_PREFIX + r.clients()) / r.perSecond() : Double.NaN;
        return new Derived(baseline, hotVsSpread);
    }

    private static double find(List<StepResult> results, String step) {
        return results.stream().filter(r -> r.step().equals(step)).mapToDouble(StepResult::perSecond).findFirst()
                .orElse(Double.NaN);
    }
}
