package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench's amounts: every one approved by the simulated banks, so no decline skews a step. */
class WorkloadTest {

    @Test
    void noAmountEndsInTheBanksDeclineTriggersAndNoneIsBelowTheRefundOf500() {
        for (long sequence = 0; sequence < 100_000; sequence++) {
            long amount = Workload.approvedAmount(sequence);
            assertThat(amount % 100).as("amount %d of iteration %d", amount, sequence).isNotIn(13L, 14L);
            assertThat(amount).isGreaterThanOrEqualTo(1_000);
        }
    }
}
