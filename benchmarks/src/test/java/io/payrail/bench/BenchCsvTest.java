package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows of benchmarks/results/bench.csv: the cells under the right columns, and appending. */
class BenchCsvTest {

    private static final MachineFacts FACTS = new MachineFacts(2, "Intel(R) Xeon(R), 2.2 GHz", 24105, "17.0.15",
            "6.2025.10", "11.4.5-MariaDB", "2.40.0");
    private static final BenchCsv.Run RUN = new BenchCsv.Run(Instant.parse("2026-12-07T19:29:17.807Z"), "826a106b76e2",
            "card", "rsa", FACTS, "sample, \"shared\" machine");

    @TempDir
    Path dir;

    private static StepResult result(String step, int clients, long payments, double seconds) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("payara", 25.0);
        cpu.put("mariadb", Double.NaN);
        return new StepResult(step, clients, Double.NaN, seconds, payments, 2, 1,
                new Latencies.Summary(payments, 12.34, 56.7, 890, 1234), Latencies.Summary.NONE,
                new ServerCounters.PerPayment(97, 48, 12, 6, 0, 21, 10, 43, 8.8, Double.NaN), cpu, null, "none");
    }

    private static String cell(List<String> row, String column) {
        return row.get(BenchCsv.HEADER.indexOf(column));
    }

    @Test
    void writesEachFigureUnderItsColumn() {
        List<StepResult> results = List.of(result("closed-8", 8, 3000, 60), result("jdbc-8", 8, 246_480, 60));
        StepResult closed = results.get(0);

        List<String> row = BenchCsv.row(RUN, closed, BenchCsv.derive(results, closed));

        assertThat(row).hasSameSizeAs(BenchCsv.HEADER);
        assertThat(cell(row, "utc_time")).isEqualTo("2026-12-07T19:29:17Z");
        assertThat(cell(row, "step")).isEqualTo("closed-8");
        assertThat(cell(row, "clients")).isEqualTo("8");
        assertThat(cell(row, "rate_per_s")).isEmpty();
        assertThat(cell(row, "payments_per_s")).isEqualTo("50.0");
        assertThat(cell(row, "create_p50_ms")).isEqualTo("12.3");
        assertThat(cell(row, "create_p999_ms")).isEqualTo("890");
        assertThat(cell(row, "e2e_p99_ms")).isEmpty();
        assertThat(cell(row, "statements_per_payment")).isEqualTo("97.00");
        assertThat(cell(row, "commits_per_payment")).isEqualTo("10.00");
        assertThat(cell(row, "data_fsyncs_per_payment")).isEqualTo("8.80");
        assertThat(cell(row, "log_fsyncs_per_payment")).isEmpty();
        assertThat(cell(row, "cpu_payara_ms_per_payment")).isEqualTo("25.000");
        assertThat(cell(row, "cpu_mariadb_ms_per_payment")).isEmpty();
        assertThat(cell(row, "baseline_tx_per_s")).isEqualTo("4108.0");
        assertThat(cell(row, "ratio_to_baseline")).isEqualTo("0.0122");
        assertThat(cell(row, "cpu_model")).isEqualTo("Intel(R) Xeon(R), 2.2 GHz");
        assertThat(cell(row, "mariadb")).isEqualTo("11.4.5-MariaDB");
    }

    @Test
    void theSpreadRowCarriesTheHotMerchantsShareAndTheBaselineRowNoRatio() {
        List<StepResult> results = List.of(result("closed-32", 32, 1320, 60), result("spread-32", 32, 2640, 60),
                result("jdbc-32", 32, 270_000, 60));

        assertThat(BenchCsv.derive(results, results.get(1)).hotVsSpread()).isEqualTo(0.5);
        assertThat(BenchCsv.derive(results, results.get(0)).hotVsSpread()).isNaN();
        assertThat(BenchCsv.derive(results, results.get(2)).baselinePerSecond()).isNaN();
    }

    @Test
    void quotesCellsWithCommasOrQuotesAndFlattensLineBreaks() {
        assertThat(BenchCsv.line(List.of("a", "b,c", "say \"hi\"", "two\nlines", "")))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",two lines,");
    }

    @Test
    void theNewestRunWithTheOtherKeysIsReadBackStepByStepForTheReport() throws Exception {
        Path csv = dir.resolve("bench.csv");
        BenchCsv.Run older = new BenchCsv.Run(Instant.parse("2026-12-07T18:00:00Z"), "aaaa", "card", "rsa", FACTS, "x");
        BenchCsv.Run ec = new BenchCsv.Run(Instant.parse("2026-12-07T20:00:00Z"), "cccc", "card", "ec", FACTS, "y");
        BenchCsv.append(csv, List.of(BenchCsv.row(older, result("closed-32", 32, 600, 60), BenchCsv.Derived.NONE),
                BenchCsv.row(RUN, result("closed-1", 1, 1680, 60), BenchCsv.Derived.NONE),
                BenchCsv.row(RUN, result("closed-32", 32, 3000, 60), BenchCsv.Derived.NONE),
                BenchCsv.row(ec, result("closed-32", 32, 6000, 60), BenchCsv.Derived.NONE)));

        BenchCsv.EarlierRun rsa = BenchCsv.newest(csv, "card", "rsa");

        assertThat(rsa.commit()).isEqualTo("826a106b76e2");
        assertThat(rsa.perSecondByStep()).containsExactly(Map.entry("closed-1", "28.0"), Map.entry("closed-32", "50.0"));
        assertThat(BenchCsv.newest(csv, "refund", "rsa")).isNull();
        assertThat(BenchCsv.newest(dir.resolve("none.csv"), "card", "rsa")).isNull();
        String report = Report.beside(List.of(result("closed-32", 32, 6000, 60)), ec, rsa);
        assertThat(report).contains("keys ec beside keys rsa").containsPattern("closed-32 +ec +100.0/s +rsa +50.0/s")
                .contains("asks >= 400/s with ec keys");
    }

    @Test
    void aQuotedCellIsReadBackAsWritten() {
        List<String> cells = List.of("a", "b,c", "say \"hi\"", "");
        assertThat(BenchCsv.cells(BenchCsv.line(cells))).isEqualTo(cells);
    }

    @Test
    void writesTheHeaderOnceAndAppendsRuns() throws Exception {
        Path csv = dir.resolve("results/bench.csv");
        List<String> row = BenchCsv.row(RUN, result("closed-1", 1, 1680, 60), BenchCsv.Derived.NONE);

        BenchCsv.append(csv, List.of(row));
        BenchCsv.append(csv, List.of(row, row));

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(BenchCsv.line(BenchCsv.HEADER));
        assertThat(lines.get(3)).isEqualTo(BenchCsv.line(row));
    }

    @Test
    void leavesAFileWithOtherColumnsAloneAndSaysWhatToDo() throws Exception {
        Path csv = dir.resolve("bench.csv");
        Files.writeString(csv, "utc_time,step,payments_per_s\n2026-01-01T00:00:00Z,closed-1,28\n");

        assertThatThrownBy(() -> BenchCsv.append(csv, List.of(List.of("x")))).isInstanceOf(BenchException.class)
                .hasMessageContaining("not this bench version's")
                .satisfies(e -> assertThat(((BenchException) e).next()).contains("move it aside"));
        assertThat(Files.readString(csv)).endsWith("closed-1,28\n");
    }
}
