package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The batch jobs' API refuses what it cannot run, with a typed answer, and only FINANCE starts a
 * job. A job running through a kill -9 is SettlementDayIT's.
 */
class BatchJobsIT {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @Test
    void aJobThatCannotRunIsRefusedWithTheFieldToFix() {
        assertThat(Staff.as(Staff.FINANCE, "POST", "/jobs", "{\"kind\":\"PAYROLL\",\"day\":\"" + TODAY + "\"}", 400)
                .body()).contains("kind", "SETTLEMENT_PAYOUT");
        assertThat(Staff.as(Staff.FINANCE, "POST", "/jobs", "{\"kind\":\"SETTLEMENT_DRAFT\",\"day\":\"07/12/2026\"}", 400)
                .body()).contains("day", "yyyy-MM-dd");
        assertThat(Staff.as(Staff.FINANCE, "POST", "/jobs", "{\"kind\":\"RECONCILIATION\",\"day\":\"" + TODAY + "\"}", 400)
                .body()).contains("channelId", "SIMBANK");
        assertThat(Staff.as(Staff.FINANCE, "POST", "/jobs", "{\"kind\":\"RECONCILIATION\",\"day\":\"" + TODAY
                + "\",\"channelId\":\"NOBANK\"}", 400).body()).contains("channelId");
        assertThat(Staff.as(Staff.FINANCE, "POST", "/jobs", "{\"kind\":\"SETTLEMENT_PAYOUT\",\"day\":\"" + TODAY
                + "\",\"channelId\":\"SIMBANK\"}", 400).body()).contains("channelId", "only for RECONCILIATION");
        assertThat(Staff.as(Staff.FINANCE, "GET", "/jobs/job_none", null, 404).json().getString("code"))
                .isEqualTo("JOB_NOT_FOUND");
    }

    @Test
    void onlyFinanceStartsAJobWhileAuditorsFollowThem() {
        assertThat(Staff.as(Staff.AUDITOR, "POST", "/jobs", "{\"kind\":\"SETTLEMENT_DRAFT\",\"day\":\"" + TODAY + "\"}",
                403).json().getString("code")).isEqualTo("OPERATOR_FORBIDDEN");
        assertThat(Staff.as(Staff.SUPPORT, "GET", "/jobs", null, 403).json().getString("code"))
                .isEqualTo("OPERATOR_FORBIDDEN");
        assertThat(Staff.as(Staff.AUDITOR, "GET", "/jobs", null, 200).json().containsKey("items")).isTrue();
    }
}
