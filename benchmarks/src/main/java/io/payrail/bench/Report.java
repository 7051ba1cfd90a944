package io.payrail.bench;

import java.util.List;
import java.util.Locale;

/** The final table: rate and latency of each step, then what a payment cost, then the derived figures. */
final class Report {

    private Report() {
    }

    static String table(List<StepResult> results, BenchCsv.Run run) {
        StringBuilder b = new StringBuilder();
        MachineFacts f = run.facts();
        b.append(String.format(Locale.ROOT, "Payrail bench %s, mode %s, keys %s, commit %s; %d cores (%s), %d MiB,"
                        + " Java %s, Payara %s, MariaDB %s, Artemis %s%n", run.at(), run.mode(), run.keys(), run.commit(),
                f.cores(), f.cpuModel(), f.ramMb(), f.java(), f.payara(), f.mariadb(), f.artemis()));
        b.append(String.format(Locale.ROOT, "%n%-11s %8s %7s %8s %8s %9s  %-26s  %-26s %7s %7s%n", "step", "clients",
                "window", "done", "per s", "vs jdbc", "create p50/p99/p99.9", "end to end p50/p99/p99.9", "failed",
                "unfin."));
        for (StepResult r : results) {
            BenchCsv.Derived d = BenchCsv.derive(results, r);
            String clients = r.clients() > 0 ? Integer.toString(r.clients())
                    : Figures.decimal(r.ratePerSecond(), 1) + "/s";
            b.append(String.format(Locale.ROOT, "%-11s %8s %6.0fs %8d %8s %9s  %-26s  %-26s %7d %7d%n", r.step(),
                    clients, r.seconds(), r.payments(), Figures.decimal(r.perSecond(), 1),
                    blank(Figures.decimal(d.ratioToBaseline(r), 4)), r.create().text(), r.endToEnd().text(), r.failed(),
                    r.unfinished()));
        }
        b.append(String.format(Locale.ROOT, "%nper payment (jdbc: per transaction)%n%-11s %6s %6s %6s %6s %6s %6s %7s"
                        + " %8s %6s | CPU ms:", "step", "stmts", "select", "insert", "update", "delete", "set", "commits",
                "h_commit", "fsyncs"));
        BenchCsv.PROCESSES.forEach(process -> b.append(String.format(Locale.ROOT, " %9s", process)));
        b.append('\n');
        for (StepResult r : results) {
            ServerCounters.PerPayment p = r.perPayment();
            b.append(String.format(Locale.ROOT, "%-11s %6s %6s %6s %6s %6s %6s %7s %8s %6s |        ", r.step(),
                    d1(p.statements()), d1(p.selects()), d1(p.inserts()), d1(p.updates()), d1(p.deletes()), d1(p.sets()),
                    d1(p.commits()), d1(p.handlerCommits()), d1(p.dataFsyncs())));
            for (String process : BenchCsv.PROCESSES) {
                b.append(String.format(Locale.ROOT, " %9s",
                        blank(Figures.decimal(r.cpuMsPerPayment().getOrDefault(process, Double.NaN), 2))));
            }
            b.append('\n');
        }
        b.append('\n');
        for (StepResult r : results) {
            BenchCsv.Derived d = BenchCsv.derive(results, r);
            if (!Double.isNaN(d.hotVsSpread())) {
                b.append(String.format(Locale.ROOT, "one hot merchant vs the load spread over %d merchants: %s (the"
                        + " issue asks for at least 0.5)%n", r.clients(), Figures.decimal(d.hotVsSpread(), 2)));
            }
            if (r.backlog() != null) {
                b.append(String.format(Locale.ROOT, "open-loop backlog (created - finished) every %d s: %s; slope %s"
                                + " orders/s%n", Steps.PROGRESS.toSeconds(), r.backlog().series(),
                        blank(Figures.decimal(r.backlog().slope(), 2))));
            }
            if (!r.errors().equals("none")) {
                b.append(r.step()).append(" errors: ").append(r.errors()).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The closed-loop throughput of this run beside the newest run with the other keys (issue 11:
     * at least 200 payments/s at 32 clients with RSA keys, 400 with EC keys).
     */
    static String beside(List<StepResult> results, BenchCsv.Run run, BenchCsv.EarlierRun other) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "keys %s beside %s%n", run.keys(),
                other == null ? "(no run of mode " + run.mode() + " with the other keys in the CSV yet)"
                        : "keys " + other.keys() + " (" + other.at() + ", commit " + other.commit() + ")"));
        for (StepResult r : results) {
            if (!r.step().startsWith(Steps.CLOSED_PREFIX)) {
                continue;
            }
            String earlier = other == null ? "" : other.perSecondByStep().getOrDefault(r.step(), "");
            b.append(String.format(Locale.ROOT, "%-11s %s %8s/s   %s %8s/s%s%n", r.step(), run.keys(),
                    Figures.decimal(r.perSecond(), 1), other == null ? "-" : other.keys(), blank(earlier),
                    r.clients() == 32 ? "   (the issue asks >= " + ("ec".equals(run.keys()) ? 400 : 200) + "/s with "
                            + run.keys() + " keys)" : ""));
        }
        return b.toString();
    }

    private static String d1(double v) {
        return blank(Figures.decimal(v, 1));
    }

    private static String blank(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
