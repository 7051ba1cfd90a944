package io.payrail.batch;

import io.payrail.common.PayrailException;
import io.payrail.platform.BackgroundLoops;
import io.payrail.reconciliation.Reconciliation;
import io.payrail.reconciliation.StatementImport;
import io.payrail.reconciliation.StatementImports;
import io.payrail.settlement.SettlementPayouts;
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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the batch jobs, on every server of a cluster: each tick takes one job whose lease has run
 * out (a job is leased to one server at a time, renewed by every step) and works on it for at most
 * {@link #PASS_BUDGET}, step by step. The money-moving step, a payout, calls the bank between two
 * transactions, never inside one: killed after the bank moved the money and before the PAID was
 * recorded, the job asks again for the same settlement, whose transfer reference makes the bank
 * answer its first decision instead of paying twice.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchJobRunner {

    static final String LOOP = "batch-jobs";
    /** Well under the background loops' staleness limit; the last step may run over it by one bank call. */
    static final Duration PASS_BUDGET = Duration.ofSeconds(10);

    private final Set<String> ranHere = ConcurrentHashMap.newKeySet();
    private String owner;

    @Resource
    private TimerService timers;

    @Inject
    private BackgroundLoops loops;

    @Inject
    private Clock clock;

    @Inject
    private BatchJobs jobs;

    @Inject
    private SettlementPayouts payouts;

    @Inject
    private StatementImports imports;

    @Inject
    private Reconciliation reconciliation;

    @Inject
    @ConfigProperty(name = "payrail.jobs.interval-ms", defaultValue = "1000")
    private long intervalMillis;

    /** How long a job stays with a server that stopped renewing it (a crash) before another takes it. */
    @Inject
    @ConfigProperty(name = "payrail.jobs.lease-seconds", defaultValue = "30")
    private long leaseSeconds;

    @PostConstruct
    void schedule() {
        owner = serverName();
        loops.register(LOOP, Duration.ofMillis(intervalMillis));
        timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig(LOOP, false));
    }

    /**
     * The lease holder's name: the Payara instance on its host. The same server restarted after a
     * crash takes its own jobs back at once instead of waiting for their leases to run out (the
     * process that held them is gone).
     */
    private static String serverName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("com.sun.aas.instanceName", "server") + "@" + host;
    }

    /** Never throws (Payara would drop the timer): {@link BackgroundLoops} catches a failed pass. */
    @Timeout
    @Lock(LockType.READ)
    void tick() {
        loops.pass(LOOP, this::work);
    }

    private void work() {
        Duration lease = Duration.ofSeconds(leaseSeconds);
        Optional<JobView> claimed = jobs.claim(owner, lease, ranHere);
        if (claimed.isEmpty()) {
            return;
        }
        String id = claimed.get().id();
        ranHere.add(id);
        Instant deadline = clock.instant().plus(PASS_BUDGET);
        while (clock.instant().isBefore(deadline) && step(jobs.get(id), lease)) {
            // the next step, while the pass has time
        }
    }

    /** One step of the job; false when it is done, waits for something, or is no longer ours. */
    private boolean step(JobView job, Duration lease) {
        if (!JobView.RUNNING.equals(job.state())) {
            return false;
        }
        return switch (job.kind()) {
            case SETTLEMENT_DRAFT -> jobs.draftStep(job.id(), owner, lease);
            case SETTLEMENT_PAYOUT -> payoutStep(job, lease);
            case RECONCILIATION -> reconciliationStep(job, lease);
        };
    }

    private boolean payoutStep(JobView job, Duration lease) {
        Optional<String[]> next = jobs.nextPayout(job.id(), owner);
        if (next.isEmpty()) {
            return false;
        }
        String settlementId = next.get()[0];
        String state = next.get()[1];
        String problem = null;
        if ("APPROVED".equals(state)) {
            try {
                state = payouts.pay(settlementId).state();
            } catch (PayrailException e) {
                problem = e.detail(); // no payout account, say: the job goes on, the settlement waits for a fix
            }
        }
        return jobs.payoutStepped(job.id(), owner, lease, settlementId, state, problem);
    }

    private boolean reconciliationStep(JobView job, Duration lease) {
        if ("IMPORT".equals(job.phase())) {
            StatementImport file;
            try {
                file = imports.fetchAndImport(job.channelId(), job.day());
            } catch (PayrailException e) {
                jobs.retryLater(job.id(), owner, lease, "statement import: " + e.detail());
                return false;
            }
            if (file.refused()) {
                jobs.complete(job.id(), owner, 0, 1, "statement version " + file.version() + " refused: " + file.error()
                        + "; ask the channel for a correct file and start the job again");
                return false;
            }
            long[] remaining = reconciliation.remaining(job.channelId(), job.day());
            return jobs.progress(job.id(), owner, lease, "LINES", remaining[1] - remaining[0], remaining[1]);
        }
        if (reconciliation.reconcileNext(job.channelId(), job.day(), Reconciliation.CHUNK) > 0) {
            long[] remaining = reconciliation.remaining(job.channelId(), job.day());
            return jobs.progress(job.id(), owner, lease, "LINES", remaining[1] - remaining[0], remaining[1]);
        }
        int raised = reconciliation.missingAtChannel(job.channelId(), job.day());
        jobs.complete(job.id(), owner, raised, 0, null);
        return false;
    }
}
