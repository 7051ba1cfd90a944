package io.payrail.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Reads what a step costs: MariaDB's status counters (one connection kept open, so a reading
 * does not add a login's statements) and the processes' CPU time, at the start and the end of a
 * measured window.
 */
final class Meter {

    /** The counters and CPU seconds at one moment. */
    record Reading(ServerCounters.Snapshot counters, Map<String, Double> cpuSeconds) {
    }

    /** Per payment: the counters, and each process's CPU milliseconds. */
    record Costs(ServerCounters.PerPayment perPayment, Map<String, Double> cpuMs) {
    }

    private final Connection status;
    private final ProcessCpu cpu;
    private final String where;

    /** @param where the server, for messages */
    Meter(Connection status, ProcessCpu cpu, String where) {
        this.status = status;
        this.cpu = cpu;
        this.where = where;
    }

    synchronized Reading read() {
        try {
            return new Reading(ServerCounters.read(status), cpu.seconds());
        } catch (SQLException e) {
            throw new BenchException("could not read MariaDB's status at " + where + ": " + e.getMessage(),
                    "is the database up? ./payrail status (with PAYRAIL_PROFILE=test for the test stack)", e);
        }
    }

    static Costs costs(Reading before, Reading after, long payments) {
        return new Costs(after.counters().minus(before.counters()).per(payments),
                ProcessCpu.millisPerPayment(before.cpuSeconds(), after.cpuSeconds(), payments));
    }
}
