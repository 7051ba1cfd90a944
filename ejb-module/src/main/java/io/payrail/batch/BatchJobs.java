package io.payrail.batch;

import io.payrail.common.ErrorCode;
import io.payrail.common.Ids;
import io.payrail.common.PayrailException;
import io.payrail.common.SqlValues;
import io.payrail.settlement.Settlements;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The batch jobs' table: start a job, read it, and the transactional halves of its steps. Every
 * step first locks the job's row and checks that the caller still holds its lease (a server that
 * lost it, because it stalled past the lease and another took over, stops), then does its work and
 * records the progress in the same transaction: a step is either done and counted, or not done at
 * all, so a job resumed after a crash repeats nothing that committed.
 */
@Stateless
public class BatchJobs {

    private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());
    private static final String COLUMNS = "id, kind, channel_id, job_day, state, phase, done_count, total_count,"
            + " result_count, failed_count, requested_by, created_at, updated_at, finished_at, resumes, last_error,"
            + " cursor_ref, lease_owner";

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Settlements settlements;

    /**
     * Starts a job; it runs in the background ({@link BatchJobRunner}).
     *
     * @throws PayrailException JOB_CONFLICT while the same job (kind, day, channel) is running
     */
    public JobView start(JobKind kind, String channelId, LocalDate day, String requestedBy) {
        String key = kind + ":" + day + (kind.perChannel() ? ":" + channelId : "");
        @SuppressWarnings("unchecked")
        List<String> running = em.createNativeQuery("select id from batch_job where running_key = ?1")
                .setParameter(1, key).getResultList();
        if (!running.isEmpty()) {
            throw new PayrailException(ErrorCode.JOB_CONFLICT, "job " + running.get(0) + " (" + key + ") is running:"
                    + " follow it with GET /api/operator/jobs/" + running.get(0) + " instead of starting another");
        }
        String id = Ids.next("job");
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("insert into batch_job (id, kind, channel_id, job_day, state, phase, total_count,"
                        + " requested_by, created_at, updated_at, running_key) values (?1, ?2, ?3, ?4, 'RUNNING', ?5, ?6,"
                        + " ?7, ?8, ?8, ?9)")
                .setParameter(1, id).setParameter(2, kind.name()).setParameter(3, kind.perChannel() ? channelId : null)
                .setParameter(4, day).setParameter(5, kind.firstPhase()).setParameter(6, initialTotal(kind, day))
                .setParameter(7, requestedBy).setParameter(8, now).setParameter(9, key).executeUpdate();
        LOG.info(() -> "job " + id + " started by " + requestedBy + ": " + key);
        return get(id);
    }

    private long initialTotal(JobKind kind, LocalDate day) {
        String sql = switch (kind) {
            case SETTLEMENT_DRAFT -> "select count(*) from merchant";
            case SETTLEMENT_PAYOUT -> "select count(*) from settlement where settlement_day = ?1";
            case RECONCILIATION -> null; // known once the statement is imported
        };
        if (sql == null) {
            return 0;
        }
        var query = em.createNativeQuery(sql);
        if (sql.contains("?1")) {
            query.setParameter(1, day);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** @throws PayrailException JOB_NOT_FOUND */
    public JobView get(String id) {
        return find("id = ?1", id).stream().findFirst().map(Row::view).orElseThrow(() -> new PayrailException(
                ErrorCode.JOB_NOT_FOUND, "no job " + id + "; list them with GET /api/operator/jobs"));
    }

    /** The latest jobs, newest first. */
    public List<JobView> recent(int limit) {
        return find("1 = ?1 order by created_at desc, id limit " + limit, 1).stream().map(Row::view).toList();
    }

    /** Every job of those UTC days, whoever started it (the calendar's view). */
    public List<JobView> ofDays(LocalDate from, LocalDate to) {
        return find("job_day >= ?1 and job_day <= ?2 order by created_at", from, to).stream().map(Row::view).toList();
    }

    /**
     * Takes the oldest running job whose lease has run out (or is already this server's) and
     * leases it for {@code lease}. A job this JVM has not run yet but someone had started is a
     * resumption, and counted as one.
     *
     * @param ranHere the jobs this JVM has already run
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<JobView> claim(String owner, Duration lease, Set<String> ranHere) {
        Instant now = clock.instant();
        List<Row> due = find("state = 'RUNNING' and (lease_until is null or lease_until < ?1 or lease_owner = ?2)"
                + " order by created_at, id limit 1 for update skip locked", Timestamp.from(now), owner);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Row job = due.get(0);
        boolean resumed = job.leaseOwner() != null && !ranHere.contains(job.view().id());
        em.createNativeQuery("update batch_job set lease_owner = ?2, lease_until = ?3, resumes = resumes + ?4"
                        + " where id = ?1")
                .setParameter(1, job.view().id()).setParameter(2, owner)
                .setParameter(3, Timestamp.from(now.plus(lease))).setParameter(4, resumed ? 1 : 0).executeUpdate();
        if (resumed) {
            LOG.warning(() -> "job " + job.view().id() + " resumed by " + owner + " at " + job.view().phase() + " "
                    + job.view().done() + "/" + job.view().total() + " (its last server, " + job.leaseOwner()
                    + ", stopped before finishing it)");
        }
        return Optional.of(get(job.view().id()));
    }

    /**
     * One merchant's draft batches of the job's day, and the progress, in one transaction.
     *
     * @return false when the job is done or no longer this server's
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean draftStep(String id, String owner, Duration lease) {
        Optional<Row> job = lock(id, owner);
        if (job.isEmpty()) {
            return false;
        }
        String cursor = job.get().cursor();
        @SuppressWarnings("unchecked")
        List<String> next = em.createNativeQuery("select id from merchant where id > ?1 order by id limit 1")
                .setParameter(1, cursor == null ? "" : cursor).getResultList();
        if (next.isEmpty()) {
            finish(id, null);
            return false;
        }
        int made = settlements.draft(next.get(0), job.get().view().day()).size();
        advance(id, lease, next.get(0), made, 0, null);
        return true;
    }

    /**
     * The next settlement of the job's day for its payout step, with its state; empty (and the job
     * DONE) when every one was seen, or when the job is no longer this server's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String[]> nextPayout(String id, String owner) {
        Optional<Row> job = lock(id, owner);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        String cursor = job.get().cursor();
        @SuppressWarnings("unchecked")
        List<Object[]> next = em.createNativeQuery("select id, state from settlement where settlement_day = ?1"
                        + " and id > ?2 order by id limit 1")
                .setParameter(1, job.get().view().day()).setParameter(2, cursor == null ? "" : cursor).getResultList();
        if (next.isEmpty()) {
            finish(id, null);
            return Optional.empty();
        }
        return Optional.of(new String[] {(String) next.get(0)[0], (String) next.get(0)[1]});
    }

    /**
     * Records how the payout step of one settlement ended. PAID, FAILED, refused ({@code problem}:
     * no payout account, say) or not APPROVED at all moves the job on; still APPROVED without a
     * problem (the bank's answer unknown) keeps it on that settlement, to be asked again.
     *
     * @return false when the job should stop for now (unknown outcome, lease lost)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean payoutStepped(String id, String owner, Duration lease, String settlementId, String state,
                                 String problem) {
        if (lock(id, owner).isEmpty()) {
            return false;
        }
        if ("APPROVED".equals(state) && problem == null) {
            note(id, lease, "settlement " + settlementId + ": the bank's answer is unknown; the job asks again");
            return false;
        }
        boolean failed = problem != null || "FAILED".equals(state);
        advance(id, lease, settlementId, "PAID".equals(state) ? 1 : 0, failed ? 1 : 0, !failed ? null
                : "settlement " + settlementId + (problem != null ? ": " + problem : " FAILED at the bank"));
        return true;
    }

    /** A reconciliation job's phase, total and items done (the work itself is the step's own transaction). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean progress(String id, String owner, Duration lease, String phase, long done, long total) {
        if (lock(id, owner).isEmpty()) {
            return false;
        }
        em.createNativeQuery("update batch_job set phase = ?2, done_count = ?3, total_count = ?4, updated_at = ?5,"
                        + " lease_until = ?6 where id = ?1")
                .setParameter(1, id).setParameter(2, phase).setParameter(3, done).setParameter(4, total)
                .setParameter(5, Timestamp.from(clock.instant()))
                .setParameter(6, Timestamp.from(clock.instant().plus(lease))).executeUpdate();
        return true;
    }

    /** Ends a job: DONE, with what it made (or failed) and why, when it failed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void complete(String id, String owner, long succeeded, long failed, String error) {
        if (lock(id, owner).isEmpty()) {
            return;
        }
        em.createNativeQuery("update batch_job set result_count = result_count + ?2, failed_count = failed_count + ?3"
                        + " where id = ?1")
                .setParameter(1, id).setParameter(2, succeeded).setParameter(3, failed).executeUpdate();
        finish(id, error);
    }

    /** Notes why the job cannot go on right now (it retries on its next pass). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void retryLater(String id, String owner, Duration lease, String why) {
        if (lock(id, owner).isPresent()) {
            note(id, lease, why);
        }
    }

    private void note(String id, Duration lease, String why) {
        LOG.warning(() -> "job " + id + ": " + why);
        em.createNativeQuery("update batch_job set last_error = ?2, updated_at = ?3, lease_until = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, SqlValues.fit(why, 255)).setParameter(3, Timestamp.from(clock.instant()))
                .setParameter(4, Timestamp.from(clock.instant().plus(lease))).executeUpdate();
    }

    private void advance(String id, Duration lease, String cursor, int succeeded, int failed, String error) {
        Instant now = clock.instant();
        em.createNativeQuery("update batch_job set cursor_ref = ?2, done_count = done_count + 1,"
                        + " result_count = result_count + ?3, failed_count = failed_count + ?4,"
                        + " last_error = coalesce(?5, last_error), updated_at = ?6, lease_until = ?7 where id = ?1")
                .setParameter(1, id).setParameter(2, cursor).setParameter(3, succeeded).setParameter(4, failed)
                .setParameter(5, SqlValues.fit(error, 255)).setParameter(6, Timestamp.from(now))
                .setParameter(7, Timestamp.from(now.plus(lease))).executeUpdate();
    }

    private void finish(String id, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("update batch_job set state = 'DONE', running_key = null, finished_at = ?2, updated_at = ?2,"
                        + " lease_owner = null, lease_until = null, last_error = coalesce(?3, last_error),"
                        + " total_count = greatest(total_count, done_count) where id = ?1")
                .setParameter(1, id).setParameter(2, now).setParameter(3, SqlValues.fit(error, 255)).executeUpdate();
        JobView done = get(id);
        LOG.info(() -> "job " + id + " DONE: " + done.kind() + " " + done.day() + ", " + done.done() + "/" + done.total()
                + ", succeeded " + done.succeeded() + ", failed " + done.failed() + ", resumed " + done.resumes()
                + " time(s)");
    }

    /** The job's row, locked, while it is running and leased to {@code owner}. */
    private Optional<Row> lock(String id, String owner) {
        return find("id = ?1 and state = 'RUNNING' and lease_owner = ?2 for update", id, owner).stream().findFirst();
    }

    private List<Row> find(String where, Object first, Object... more) {
        var query = em.createNativeQuery("select " + COLUMNS + " from batch_job where " + where).setParameter(1, first);
        for (int i = 0; i < more.length; i++) {
            query.setParameter(i + 2, more[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Row(new JobView((String) r[0], JobKind.valueOf((String) r[1]), (String) r[2],
                SqlValues.localDate(r[3]), (String) r[4], (String) r[5], ((Number) r[6]).longValue(), ((Number) r[7]).longValue(),
                ((Number) r[8]).longValue(), ((Number) r[9]).longValue(), (String) r[10], SqlValues.instant(r[11]),
                SqlValues.instant(r[12]), SqlValues.instant(r[13]), ((Number) r[14]).intValue(), (String) r[15]),
                (String) r[16], (String) r[17])).toList();
    }




    /** A job with what only its runner needs: where it stands (cursor) and who holds it. */
    private record Row(JobView view, String cursor, String leaseOwner) {
    }
}
