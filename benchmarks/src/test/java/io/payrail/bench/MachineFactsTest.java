package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The machine's facts written beside every figure, from /proc/cpuinfo and /proc/meminfo. */
class MachineFactsTest {

    @Test
    void takesTheFirstModelNameWithItsSpacesCollapsed() {
        String cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel\t\t: 85\n"
                + "model name\t: Intel(R) Xeon(R)  Processor @ 2.20GHz\n\nprocessor\t: 1\nmodel name\t: other\n";

        assertThat(MachineFacts.cpuModel(cpuinfo)).isEqualTo("Intel(R) Xeon(R) Processor @ 2.20GHz");
        assertThat(MachineFacts.cpuModel("processor\t: 0\nFeatures\t: fp asimd\n")).isEqualTo("unknown");
    }

    @Test
    void readsTheTotalMemoryInMebibytes() {
        assertThat(MachineFacts.memTotalMb("MemTotal:       24683520 kB\nMemFree:        19000000 kB\n"))
                .isEqualTo(24105);
        assertThat(MachineFacts.memTotalMb("")).isZero();
    }
}
