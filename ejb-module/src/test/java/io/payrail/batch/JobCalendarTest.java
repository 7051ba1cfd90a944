package io.payrail.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobCalendarTest {

    private static final LocalTime AT = LocalTime.of(2, 0);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    private static final List<String> CHANNELS = List.of("SIMBANK", "WALLET");

    private static JobView job(JobKind kind, LocalDate day, String channel, String state) {
        Instant t = Instant.parse("2026-12-07T02:00:00Z");
        return new JobView("job_" + kind + channel, kind, channel, day, state, "X", 0, 0, 0, 0, "someone", t, t, null, 0,
                null);
    }

    @Test
    void nothingIsDueBeforeTheTimeOfDay() {
        assertThat(JobCalendar.due(Instant.parse("2026-12-07T01:59:59Z"), AT, CHANNELS, List.of())).isEmpty();
    }

    @Test
    void fromTheTimeOfDayYesterdaysStatementsOfEveryChannelAreReconciledOnce() {
        assertThat(JobCalendar.due(Instant.parse("2026-12-07T02:00:00Z"), AT, CHANNELS, List.of())).containsExactly(
                new JobCalendar.Planned(JobKind.RECONCILIATION, YESTERDAY, "SIMBANK"),
                new JobCalendar.Planned(JobKind.RECONCILIATION, YESTERDAY, "WALLET"));
        assertThat(JobCalendar.due(Instant.parse("2026-12-07T09:00:00Z"), AT, CHANNELS,
                List.of(job(JobKind.RECONCILIATION, YESTERDAY, "SIMBANK", JobView.RUNNING))))
                .containsExactly(new JobCalendar.Planned(JobKind.RECONCILIATION, YESTERDAY, "WALLET"));
    }

    @Test
    void todaysDraftsWaitUntilEveryReconciliationIsDoneAndAreStartedOnce() {
        Instant later = Instant.parse("2026-12-07T03:00:00Z");
        List<JobView> oneRunning = List.of(job(JobKind.RECONCILIATION, YESTERDAY, "SIMBANK", JobView.DONE),
                job(JobKind.RECONCILIATION, YESTERDAY, "WALLET", JobView.RUNNING));
        assertThat(JobCalendar.due(later, AT, CHANNELS, oneRunning)).isEmpty();
        List<JobView> allDone = List.of(job(JobKind.RECONCILIATION, YESTERDAY, "SIMBANK", JobView.DONE),
                job(JobKind.RECONCILIATION, YESTERDAY, "WALLET", JobView.DONE));
        assertThat(JobCalendar.due(later, AT, CHANNELS, allDone))
                .containsExactly(new JobCalendar.Planned(JobKind.SETTLEMENT_DRAFT, TODAY, null));
        List<JobView> drafted = new java.util.ArrayList<>(allDone);
        drafted.add(job(JobKind.SETTLEMENT_DRAFT, TODAY, null, JobView.DONE));
        assertThat(JobCalendar.due(later, AT, CHANNELS, drafted)).isEmpty();
    }
}
