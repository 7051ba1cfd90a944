package io.payrail.batch;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.platform.BackgroundLoops;
import io.payrail.reconciliation.StatementImports;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the day's jobs by the {@link JobCalendar} once a minute, from {@code payrail.jobs.daily-at}
 * (UTC, e.g. {@code 02:00}) on; {@code off} (the default, and the test stack's setting, whose tests
 * start their own jobs) turns the calendar off. On several servers each may try: a job already
 * running answers JOB_CONFLICT, which is fine, and a job run twice does nothing new.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobCalendarTimer {

    private static final Logger LOG = Logger.getLogger(JobCalendarTimer.class.getName());
    private static final String LOOP = "job-calendar";
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    @Resource
    private TimerService timers;

    @Inject
    private BackgroundLoops loops;

    @Inject
    private Clock clock;

    @Inject
    private BatchJobs jobs;

    @Inject
    private StatementImports imports;

    @Inject
    @ConfigProperty(name = "payrail.jobs.daily-at", defaultValue = "off")
    private String dailyAt;

    private LocalTime at;

    @PostConstruct
    void schedule() {
        if ("off".equalsIgnoreCase(dailyAt.strip())) {
            LOG.info("job calendar off (payrail.jobs.daily-at=off): statements, reconciliation and settlement drafts"
                    + " run when an operator starts them");
            return;
        }
        try {
            at = LocalTime.parse(dailyAt.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("payrail.jobs.daily-at=" + dailyAt + " is neither off nor a time of day"
                    + " like 02:00 (UTC): fix the setting and restart", e);
        }
        LOG.info(() -> "job calendar on: from " + at + " UTC, yesterday's statements are reconciled, then today's"
                + " settlements drafted");
        loops.register(LOOP, INTERVAL);
        timers.createIntervalTimer(INTERVAL.toMillis(), INTERVAL.toMillis(), new TimerConfig(LOOP, false));
    }

    /** Never throws (Payara would drop the timer): {@link BackgroundLoops} catches a failed pass. */
    @Timeout
    @Lock(LockType.READ)
    void tick() {
        loops.pass(LOOP, () -> {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            for (JobCalendar.Planned p : JobCalendar.due(clock.instant(), at, imports.sources().keySet(),
                    jobs.ofDays(today.minusDays(1), today))) {
                try {
                    jobs.start(p.kind(), p.channelId(), p.day(), JobCalendar.REQUESTER);
                } catch (PayrailException e) {
                    if (e.code() != ErrorCode.JOB_CONFLICT) {
                        throw e;
                    }
                }
            }
        });
    }
}
