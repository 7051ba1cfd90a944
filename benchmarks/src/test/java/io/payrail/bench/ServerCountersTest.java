package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counter deltas per payment, from SHOW GLOBAL STATUS rows before and after a step. */
class ServerCountersTest {

    private static Map<String, String> rows(long questions, long selects, long commits, long fsyncs) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Questions", Long.toString(questions));
        rows.put("Com_select", Long.toString(selects));
        rows.put("Com_insert", "1000");
        rows.put("Com_update", "500");
        rows.put("Com_delete", "7");
        rows.put("Com_set_option", "300");
        rows.put("Com_commit", Long.toString(commits));
        rows.put("Com_rollback", "0");
        rows.put("Handler_commit", "40");
        rows.put("Innodb_data_fsyncs", Long.toString(fsyncs));
        rows.put("Uptime", "12345");
        return rows;
    }

    @Test
    void dividesWhatHappenedBetweenTheSnapshotsByThePayments() {
        ServerCounters.Snapshot before = ServerCounters.parse(rows(10_000, 4_000, 900, 800));
        ServerCounters.Snapshot after = ServerCounters.parse(rows(10_000 + 97 * 300, 4_000 + 48 * 300, 900 + 3_000,
                800 + 2_640));

        ServerCounters.PerPayment per = after.minus(before).per(300);

        assertThat(per.statements()).isEqualTo(97.0);
        assertThat(per.selects()).isEqualTo(48.0);
        assertThat(per.commits()).isEqualTo(10.0);
        assertThat(per.dataFsyncs()).isEqualTo(8.8);
        assertThat(per.inserts()).isZero();
    }

    @Test
    void aCounterTheServerDoesNotHaveIsNoFigure() {
        // MariaDB 10.8+ has no Innodb_os_log_fsyncs: its log fsyncs are in Innodb_data_fsyncs
        ServerCounters.Snapshot before = ServerCounters.parse(rows(1, 1, 1, 1));
        ServerCounters.Snapshot after = ServerCounters.parse(rows(2, 2, 2, 2));

        ServerCounters.PerPayment per = after.minus(before).per(1);

        assertThat(per.logFsyncs()).isNaN();
        assertThat(per.statements()).isEqualTo(1.0);
    }

    @Test
    void keepsOnlyTheCountersItKnows() {
        assertThat(ServerCounters.parse(rows(1, 1, 1, 1)).values()).doesNotContainKey("Uptime")
                .containsEntry("Questions", 1L);
    }

    @Test
    void noPaymentsIsNoFigureRatherThanInfinity() {
        ServerCounters.Snapshot s = ServerCounters.parse(rows(5, 5, 5, 5));

        assertThat(s.minus(s).per(0).statements()).isNaN();
    }
}
