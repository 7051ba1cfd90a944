package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CPU time from a /proc/<pid>/stat line, and per payment between two readings. */
class ProcessCpuTest {

    // a JVM's line: utime (field 14) 1234, stime (field 15) 567, cutime/cstime 89/10 (children: not counted)
    private static final String JAVA = "4242 (java) S 1 4242 4242 0 -1 4194560 250000 0 12 0 1234 567 89 10 20 0 55 0"
            + " 98765 6000000000 70000 18446744073709551615 1 1 0 0 0 0 0 4096 17103 0 0 0 17 1 0 0 0 0 0";

    @Test
    void addsUserAndSystemTimeOfTheProcess() {
        assertThat(ProcessCpu.ticks(JAVA)).isEqualTo(1234 + 567);
    }

    @Test
    void countsFieldsFromTheLastParenthesisSoACommandNameWithSpacesAndParenthesesCannotShiftThem() {
        String odd = JAVA.replace("(java)", "(my (odd) name 1 2 3)");

        assertThat(ProcessCpu.ticks(odd)).isEqualTo(1234 + 567);
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcessCpu.ticks("no parenthesis here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpu.ticks("1 (x) S 1 2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 15 fields");
    }

    @Test
    void millisecondsPerPaymentForEachProcessAndNoFigureForOneThatWentAway() {
        Map<String, Double> before = new LinkedHashMap<>();
        before.put("payara", 100.0);
        before.put("mariadb", 20.0);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("payara", 107.5);
        after.put("mariadb", Double.NaN);

        Map<String, Double> per = ProcessCpu.millisPerPayment(before, after, 300);

        assertThat(per.get("payara")).isEqualTo(25.0);
        assertThat(per.get("mariadb")).isNaN();
    }

    @Test
    void readsThisProcessWhichIsAlwaysThere() {
        ProcessCpu cpu = new ProcessCpu(Map.of("gone", Long.MAX_VALUE), 100);

        Map<String, Double> seconds = cpu.seconds();

        assertThat(seconds.get(ProcessCpu.SELF)).isNotNaN().isGreaterThanOrEqualTo(0.0);
        assertThat(seconds.get("gone")).isNaN();
    }
}
