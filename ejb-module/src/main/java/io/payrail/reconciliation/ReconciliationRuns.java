package io.payrail.reconciliation;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.discrepancy.DiscrepancyCases;
import io.payrail.discrepancy.DiscrepancyView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs the reconciliation of one channel's day to its end, chunk by chunk (each chunk its own
 * transaction, so a run killed half-way is simply run again), logging its progress.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationRuns {

    private static final Logger LOG = Logger.getLogger(ReconciliationRuns.class.getName());

    @Inject
    private Reconciliation reconciliation;

    @Inject
    private StatementImports imports;

    @Inject
    private DiscrepancyCases cases;

    /**
     * Reconciles the day's imported statement of one channel.
     *
     * @throws PayrailException STATEMENT_NOT_IMPORTED when no statement of that day was imported
     */
    public DayReconciliation run(String channelId, LocalDate day) {
        if (!imports.imported(channelId, day)) {
            throw new PayrailException(ErrorCode.STATEMENT_NOT_IMPORTED, "no statement of " + channelId + " for "
                    + day + " was imported: import it first (POST /api/operator/statements/" + channelId + "/" + day
                    + "/import)");
        }
        long total = reconciliation.remaining(channelId, day)[1];
        long done = total - reconciliation.remaining(channelId, day)[0];
        int n;
        while ((n = reconciliation.reconcileNext(channelId, day, Reconciliation.CHUNK)) > 0) {
            done += n;
            long processed = done;
            LOG.info(() -> "reconciliation of " + channelId + " " + day + ": phase STATEMENT_LINES, " + processed + "/"
                    + total + " movements");
        }
        int missing = reconciliation.missingAtChannel(channelId, day);
        LOG.info(() -> "reconciliation of " + channelId + " " + day + ": phase PLATFORM_SIDE done, " + missing
                + " new missing-at-channel case(s)");
        return new DayReconciliation(channelId, day, total, reconciliation.classes(channelId, day),
                cases.ofDay(channelId, day));
    }

    /** The outcome of a day: movements by class and the day's cases. */
    public record DayReconciliation(String channelId, LocalDate day, long movements, Map<ReconClass, Long> classes,
                                    List<DiscrepancyView> cases) {
    }
}
