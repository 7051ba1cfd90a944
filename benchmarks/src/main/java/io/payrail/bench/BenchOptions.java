package io.payrail.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bench's command line. {@code ./payrail bench} (benchmarks/bench.sh) passes where the stack is
 * (URLs, files, pids, versions); the rest is what a person chooses.
 */
record BenchOptions(String baseUrl, Path tlsCert, Path operatorTokenFile, String simUrl, String dbUrl, String dbUser,
                    String baselineDbUrl, Map<String, Path> pidFiles, long clockTicks, Path csv, Path outDir,
                    String commit, String payaraVersion, String artemisVersion, Mode mode, MerchantKeys.Type keys,
                    List<Integer> clients, Duration warmup, Duration duration, Duration openDuration, double rate,
                    Duration baselineDuration, Set<Step> steps, Duration finishTimeout, String note, String profile) {

    /** What one iteration is. */
    enum Mode {
        /** a BANK_CARD payment through SIMBANK, until payment.succeeded */
        CARD,
        /** a WALLET payment the bench approves as the payer at the simulator, until payment.succeeded */
        WALLET,
        /** a full refund of a paid payment (paid beforehand, unmeasured), until refund.succeeded */
        REFUND
    }

    /** The parts of a run, in the order they run. */
    enum Step { CLOSED, OPEN, FAIRNESS, BASELINE }

    static final String USAGE = """
            Usage: ./payrail bench [--profile dev|test] [--no-build] [options]   (benchmarks/README.md)

            Measures a RUNNING stack end to end (signed create -> channel -> SUCCEEDED -> notification acknowledged
            by this bench's own receiver): closed loop at 1, 8 and 32 clients, an open loop at a fixed arrival rate,
            one hot merchant against the load spread over 32, and a plain-JDBC baseline on the same MariaDB; with
            SQL statements, commits and fsyncs per payment (SHOW GLOBAL STATUS) and CPU per payment of each
            process. Prints progress every 5 s and a table; appends one row per step to benchmarks/results/bench.csv.

              --mode card|wallet|refund   card (default): BANK_CARD through SIMBANK; wallet: WALLET, approved by the
                                          bench as the payer; refund: full refunds of payments paid beforehand
              --keys rsa|ec               the merchants' key type (default rsa)
              --clients LIST              closed-loop client counts (default 1,8,32)
              --warmup SECONDS            before each measured window (default 10)
              --duration SECONDS          each closed-loop window (default 60)
              --open-duration SECONDS     the open loop's window (default 120; the issue's criterion is 300)
              --rate PER_SECOND           the open loop's arrival rate (default 70% of the best closed-loop rate)
              --baseline-duration SECONDS each plain-JDBC window (default 10)
              --steps LIST                of closed,open,fairness,baseline (default all)
              --finish-timeout SECONDS    how long an iteration may wait for its notification (default 120)
              --note TEXT                 written into every CSV row (e.g. "sample, shared machine")
              --no-csv                    print only; append nothing to the CSV
            """;

    static BenchOptions parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, Path> pids = new LinkedHashMap<>();
        boolean noCsv = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (name.equals("-h") || name.equals("--help")) {
                throw new Options.UsageException(null);
            }
            if (name.equals("--no-csv")) {
                noCsv = true;
                continue;
            }
            if (rest.isEmpty()) {
                throw new Options.UsageException("missing value for " + name);
            }
            String value = rest.remove(0);
            if (name.equals("--pid")) {
                int eq = value.indexOf('=');
                if (eq < 1 || !BenchCsv.PROCESSES.contains(value.substring(0, eq))) {
                    throw new Options.UsageException("--pid is NAME=PIDFILE with NAME one of " + BenchCsv.PROCESSES);
                }
                pids.put(value.substring(0, eq), Path.of(value.substring(eq + 1)));
            } else if (!KNOWN.contains(name)) {
                throw new Options.UsageException("unknown option " + name + " (./payrail bench --help lists them)");
            } else {
                v.put(name, value);
            }
        }
        for (String required : List.of("--base", "--tls-cert", "--operator-token-file", "--sim-url", "--db-url",
                "--out")) {
            if (!v.containsKey(required)) {
                throw new Options.UsageException(required + " is required (./payrail bench passes it)");
            }
        }
        double rate = v.containsKey("--rate") ? positiveDouble("--rate", v.get("--rate")) : Double.NaN;
        Path csv = noCsv ? null : Path.of(v.getOrDefault("--csv", "benchmarks/results/bench.csv"));
        return new BenchOptions(v.get("--base"), Path.of(v.get("--tls-cert")), Path.of(v.get("--operator-token-file")),
                v.get("--sim-url"), v.get("--db-url"), v.getOrDefault("--db-user", "payrail"),
                v.get("--baseline-db-url"), pids, positive("--clock-ticks", v.getOrDefault("--clock-ticks", "100")),
                csv, Path.of(v.get("--out")), v.getOrDefault("--commit", "unknown"),
                v.getOrDefault("--payara-version", "unknown"), v.getOrDefault("--artemis-version", "unknown"),
                choice(Mode.class, "--mode", v.getOrDefault("--mode", "card")),
                choice(MerchantKeys.Type.class, "--keys", v.getOrDefault("--keys", "rsa")),
                clients(v.getOrDefault("--clients", "1,8,32")), seconds("--warmup", v.getOrDefault("--warmup", "10"), 0),
                seconds("--duration", v.getOrDefault("--duration", "60"), 1),
                seconds("--open-duration", v.getOrDefault("--open-duration", "120"), 1), rate,
                seconds("--baseline-duration", v.getOrDefault("--baseline-duration", "10"), 1),
                steps(v.getOrDefault("--steps", "closed,open,fairness,baseline")),
                seconds("--finish-timeout", v.getOrDefault("--finish-timeout", "120"), 1),
                v.getOrDefault("--note", ""), v.getOrDefault("--profile", "dev"));
    }

    private static final Set<String> KNOWN = Set.of("--base", "--tls-cert", "--operator-token-file", "--sim-url",
            "--db-url", "--db-user", "--baseline-db-url", "--clock-ticks", "--csv", "--out", "--commit",
            "--payara-version", "--artemis-version", "--mode", "--keys", "--clients", "--warmup", "--duration",
            "--open-duration", "--rate", "--baseline-duration", "--steps", "--finish-timeout", "--note", "--profile");

    private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw new Options.UsageException(name + " is one of " + String.join(", ", names) + ", not '" + value + "'");
        }
    }

    private static List<Integer> clients(String list) {
        List<Integer> clients = new ArrayList<>();
        for (String part : list.split(",")) {
            clients.add((int) positive("--clients", part.strip()));
        }
        return List.copyOf(clients);
    }

    private static Set<Step> steps(String list) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (String part : list.split(",")) {
            steps.add(choice(Step.class, "--steps", part.strip()));
        }
        return steps;
    }

    private static long positive(String name, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new Options.UsageException(name + " needs a positive whole number, got '" + value + "'");
    }

    private static double positiveDouble(String name, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d > 0 && !Double.isInfinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new Options.UsageException(name + " needs a positive number, got '" + value + "'");
    }

    private static Duration seconds(String name, String value, long min) {
        long s = min == 0 && value.equals("0") ? 0 : positive(name, value);
        return Duration.ofSeconds(s);
    }

    /** The step names of the command line, for messages. */
    String modeName() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    String keysName() {
        return keys.name().toLowerCase(Locale.ROOT);
    }
}
