package io.payrail.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MariaDB's global status counters that say what a payment costs the database, read with
 * {@code SHOW GLOBAL STATUS} before and after a step. They are server-wide: everything the server
 * did in between counts, the platform's background loops included (they are part of what a
 * payment costs), and so does any other database on the same server (which is why a shared server
 * makes these figures worthless; benchmarks/README.md).
 *
 * <p>"Statements" are {@code Questions}: every statement a client sent, SET, COMMIT and SHOW
 * included (not COM_PING, nor the prepare and close of server-side prepared statements). "Commits"
 * are {@code Com_commit}: the explicit COMMITs, one per transaction that ends with one; an
 * autocommit write commits without a COMMIT and shows up in {@code Handler_commit} and the fsync
 * counters instead. "Fsyncs" are {@code Innodb_data_fsyncs}, which on MariaDB 10.8 and later
 * counts every InnoDB fsync, the redo log's included (measured on 11.4: 100 transactions of two
 * inserts added 103); MySQL and older MariaDB count the log's apart, in {@code Innodb_os_log_fsyncs},
 * reported where the server has it. Each snapshot itself adds one to {@code Questions}.
 */
final class ServerCounters {

    static final String QUESTIONS = "Questions";
    static final String SELECT = "Com_select";
    static final String INSERT = "Com_insert";
    static final String UPDATE = "Com_update";
    static final String DELETE = "Com_delete";
    static final String SET = "Com_set_option";
    static final String COMMIT = "Com_commit";
    static final String ROLLBACK = "Com_rollback";
    static final String HANDLER_COMMIT = "Handler_commit";
    static final String DATA_FSYNCS = "Innodb_data_fsyncs";
    static final String LOG_FSYNCS = "Innodb_os_log_fsyncs";
    static final List<String> NAMES = List.of(QUESTIONS, SELECT, INSERT, UPDATE, DELETE, SET, COMMIT, ROLLBACK,
            HANDLER_COMMIT, DATA_FSYNCS, LOG_FSYNCS);

    private ServerCounters() {
    }

    /** The counters at one moment. */
    record Snapshot(Map<String, Long> values) {

        Snapshot {
            values = Map.copyOf(values);
        }

        /** What happened between {@code before} and this snapshot, for the counters both have. */
        Snapshot minus(Snapshot before) {
            Map<String, Long> delta = new LinkedHashMap<>();
            for (String name : NAMES) {
                if (values.containsKey(name) && before.values.containsKey(name)) {
                    delta.put(name, values.get(name) - before.values.get(name));
                }
            }
            return new Snapshot(delta);
        }

        /** Each counter divided by the number of payments (or transactions) the step completed. */
        PerPayment per(long payments) {
            return payments <= 0 ? PerPayment.NONE : new PerPayment(per(QUESTIONS, payments), per(SELECT, payments),
                    per(INSERT, payments), per(UPDATE, payments), per(DELETE, payments), per(SET, payments),
                    per(COMMIT, payments), per(HANDLER_COMMIT, payments), per(DATA_FSYNCS, payments),
                    per(LOG_FSYNCS, payments));
        }

        // NaN for a counter the server does not have (MariaDB 10.8+ has no Innodb_os_log_fsyncs)
        private double per(String name, long payments) {
            Long value = values.get(name);
            return value == null ? Double.NaN : value / (double) payments;
        }
    }

    /** Per payment: the statements and their kinds, the commits, the fsyncs. */
    record PerPayment(double statements, double selects, double inserts, double updates, double deletes,
                      double sets, double commits, double handlerCommits, double dataFsyncs, double logFsyncs) {

        static final PerPayment NONE = new PerPayment(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The rows of {@code SHOW GLOBAL STATUS}, as name and value, reduced to the counters this class knows. */
    static Snapshot parse(Map<String, String> rows) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> row : rows.entrySet()) {
            if (NAMES.contains(row.getKey())) {
                values.put(row.getKey(), Long.parseLong(row.getValue().strip()));
            }
        }
        return new Snapshot(values);
    }

    static Snapshot read(Connection connection) throws SQLException {
        String names = NAMES.stream().map(n -> "'" + n + "'").collect(Collectors.joining(","));
        Map<String, String> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN (" + names + ")")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return parse(rows);
    }
}
