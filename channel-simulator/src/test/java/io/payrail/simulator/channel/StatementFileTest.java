package io.payrail.simulator.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementFileTest {

    @Test
    void aStatementIsAHeaderAndOneLinePerMovementInAFixedFormat() {
        List<StatementLine> lines = List.of(
                new StatementLine("cg_1", "ord_1", StatementLine.PAYMENT, 1000, "USD", 6,
                        Instant.parse("2026-03-01T08:36:09.27Z"), null, null),
                new StatementLine("cg_1", "ord_1", StatementLine.REFUND, 400, "USD", 0,
                        Instant.parse("2026-03-01T09:00:00Z"), "rf_1", "cgr_9"));

        assertThat(StatementFile.render(lines)).isEqualTo(
                "channel_txn_id,merchant_ref,type,amount_minor,currency,fee_minor,time_utc,refund_ref,channel_refund_id\n"
                        + "cg_1,ord_1,PAYMENT,1000,USD,6,2026-03-01T08:36:09.270Z,,\n"
                        + "cg_1,ord_1,REFUND,400,USD,0,2026-03-01T09:00:00.000Z,rf_1,cgr_9\n");
    }

    @Test
    void aDayWithoutMovementsHasOnlyTheHeader() {
        assertThat(StatementFile.render(List.of())).isEqualTo(StatementFile.HEADER + "\n");
    }

    @Test
    void timesAreCutToMillisecondsNotRounded() {
        String csv = StatementFile.render(List.of(new StatementLine("t", "r", StatementLine.PAYMENT, 1, "USD", 0,
                Instant.parse("2026-03-01T23:59:59.999999999Z"), null, null)));

        assertThat(csv).contains(",2026-03-01T23:59:59.999Z,");
    }
}
