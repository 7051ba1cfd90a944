package io.payrail.discrepancy;

import io.payrail.common.ErrorCode;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import io.payrail.ledger.AccountType;
import io.payrail.ledger.Ledger;
import io.payrail.ledger.LedgerAccount;
import io.payrail.ledger.PostingRules;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Discrepancy cases and their maker-checker resolution, for the operator API today and the back
 * office's pages later (no web types here). Every case's difference waits in suspense under the
 * case's id; an approved resolution moves it to its owner through {@link PostingRules#caseResolved},
 * so suspense returns to zero as cases are resolved. One operator proposes, another approves or
 * rejects: the same operator can never do both (checked here and by the table).
 */
@Stateless
public class DiscrepancyCases {

    private static final Logger LOG = Logger.getLogger(DiscrepancyCases.class.getName());
    private static final int MAX_REASON = 255;

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Ledger ledger;

    /**
     * Raises a reconciliation case once per (resource, kind, channel) and moves its difference from
     * the channel's receivable to suspense. {@code aggregateType} is ORDER or REFUND for a resource
     * the platform knows, PAYMENT_LINE or REFUND_LINE (with the movement's id) for one it does not.
     *
     * @return the case's id (the existing one when it was raised before)
     */
    public String raise(DiscrepancyKind kind, String channelId, String aggregateType, String aggregateId,
                        String merchantId, String channelTxnId, Money expected, Money reported, LocalDate day,
                        String movementId, String detail) {
        List<ChannelDiscrepancy> existing = em.createQuery("select d from ChannelDiscrepancy d where"
                        + " d.aggregateType = :t and d.aggregateId = :a and d.kind = :k and d.channelId = :c",
                        ChannelDiscrepancy.class)
                .setParameter("t", aggregateType).setParameter("a", aggregateId).setParameter("k", kind)
                .setParameter("c", channelId).getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0).id();
        }
        Instant now = clock.instant();
        ChannelDiscrepancy c = ChannelDiscrepancy.reconciled(kind, channelId, aggregateType, aggregateId, merchantId,
                channelTxnId, expected, reported, day, movementId, detail, now);
        em.persist(c);
        for (Money leg : legs(c)) {
            ledger.book(kind == DiscrepancyKind.FEE_MISMATCH
                    ? PostingRules.feeDifference(legReference(c, leg), channelId, leg, now)
                    : PostingRules.reconciliationDifference(legReference(c, leg), channelId, leg, now));
        }
        LOG.warning(() -> kind + " on " + channelId + "'s statement of " + day + " for " + aggregateType + " "
                + aggregateId + ": platform " + expected + ", channel " + reported + " (" + detail + "); case "
                + c.id() + " waits in suspense for an operator (GET /api/operator/cases/" + c.id() + ")");
        return c.id();
    }

    /** The open (or parked) case of one kind about one resource at one channel, if any. */
    public Optional<String> openCase(DiscrepancyKind kind, String channelId, String aggregateType, String aggregateId) {
        return em.createQuery("select d from ChannelDiscrepancy d where d.aggregateType = :t and d.aggregateId = :a"
                        + " and d.kind = :k and d.channelId = :c and d.state <> :resolved", ChannelDiscrepancy.class)
                .setParameter("t", aggregateType).setParameter("a", aggregateId).setParameter("k", kind)
                .setParameter("c", channelId).setParameter("resolved", ChannelDiscrepancy.State.RESOLVED)
                .getResultList().stream().findFirst().map(ChannelDiscrepancy::id);
    }

    /** The case of any kind about one resource at one channel raised before reconciliation (a held order or refund). */
    public Optional<String> heldCase(String channelId, String aggregateType, String aggregateId) {
        return em.createQuery("select d from ChannelDiscrepancy d where d.aggregateType = :t and d.aggregateId = :a"
                        + " and d.channelId = :c and d.source <> :r", ChannelDiscrepancy.class)
                .setParameter("t", aggregateType).setParameter("a", aggregateId).setParameter("c", channelId)
                .setParameter("r", ChannelDiscrepancy.RECONCILIATION)
                .getResultList().stream().findFirst().map(ChannelDiscrepancy::id);
    }

    /**
     * A missing-at-channel case whose movement turned up on a later day's statement: its difference
     * goes back to the receivable (which the movement now settles) and the case closes by itself.
     */
    public void closeCrossDay(String caseId, LocalDate laterDay) {
        ChannelDiscrepancy c = lock(caseId);
        Instant now = clock.instant();
        for (Money leg : legs(c)) {
            ledger.book(PostingRules.caseResolved(PostingRules.CASE_CROSS_DAY, legReference(c, leg), leg,
                    LedgerAccount.of(AccountType.SUSPENSE, c.channelId()),
                    LedgerAccount.of(AccountType.CHANNEL_RECEIVABLE, c.channelId()), now));
        }
        c.resolveCrossDay("listed on the statement of " + laterDay, now);
    }

    public List<DiscrepancyView> list(ChannelDiscrepancy.State state, int limit) {
        return em.createQuery("select d from ChannelDiscrepancy d where d.state = :s order by d.detectedAt desc",
                        ChannelDiscrepancy.class)
                .setParameter("s", state).setMaxResults(limit).getResultList().stream()
                .map(ChannelDiscrepancy::view).toList();
    }

    /** The cases reconciliation raised for one channel's day, oldest first. */
    public List<DiscrepancyView> ofDay(String channelId, LocalDate day) {
        return em.createQuery("select d from ChannelDiscrepancy d where d.channelId = :c and d.statementDay = :d"
                        + " order by d.detectedAt, d.id", ChannelDiscrepancy.class)
                .setParameter("c", channelId).setParameter("d", day).getResultList().stream()
                .map(ChannelDiscrepancy::view).toList();
    }

    /** @throws PayrailException CASE_NOT_FOUND */
    public CaseDetail get(String caseId) {
        ChannelDiscrepancy c = find(caseId);
        return new CaseDetail(c.view(), inSuspense(c), resolutions(c));
    }

    /**
     * The maker's step: proposes {@code resolution} for an open or parked case, with a reason.
     *
     * @throws PayrailException CASE_NOT_FOUND, CASE_STATE_CONFLICT, RESOLUTION_NOT_APPLICABLE,
     *         VALIDATION_FAILED (no reason)
     */
    public CaseDetail propose(String caseId, String operator, Resolution resolution, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "reason is required (1 to " + MAX_REASON
                    + " characters): say why this resolution is right, for the approver and the audit");
        }
        ChannelDiscrepancy c = lock(caseId);
        if (c.state() != ChannelDiscrepancy.State.OPEN && c.state() != ChannelDiscrepancy.State.PARKED) {
            throw new PayrailException(ErrorCode.CASE_STATE_CONFLICT, "case " + caseId + " is " + c.state()
                    + ": only an OPEN or PARKED case takes a proposal");
        }
        if (!resolutions(c).contains(resolution)) {
            throw new PayrailException(ErrorCode.RESOLUTION_NOT_APPLICABLE, resolution + " cannot settle case "
                    + caseId + " (" + c.kind() + "); choose one of " + resolutions(c));
        }
        c.propose(resolution, reason.strip(), operator, clock.instant());
        LOG.info(() -> "case " + caseId + ": " + operator + " proposes " + resolution + " (" + reason.strip() + ")");
        return new CaseDetail(c.view(), inSuspense(c), resolutions(c));
    }

    /**
     * The checker's step: another operator approves the proposal and it is booked.
     *
     * @throws PayrailException CASE_NOT_FOUND, CASE_STATE_CONFLICT, SELF_APPROVAL_FORBIDDEN
     */
    public CaseDetail approve(String caseId, String operator) {
        ChannelDiscrepancy c = checkable(caseId, operator);
        Instant now = clock.instant();
        Resolution resolution = c.resolution();
        if (resolution.entryType() != null) {
            LedgerAccount to = resolution != Resolution.ACCEPT_CHANNEL
                    ? LedgerAccount.of(AccountType.WRITE_OFFS, Ledger.PLATFORM)
                    // the channel's fee stands: a cost of the platform's, never the merchant's
                    : c.kind() == DiscrepancyKind.FEE_MISMATCH ? LedgerAccount.of(AccountType.CHANNEL_FEES, c.channelId())
                    : LedgerAccount.of(AccountType.MERCHANT_PENDING, c.merchantId());
            for (Money leg : legs(c)) {
                ledger.book(PostingRules.caseResolved(resolution.entryType(), legReference(c, leg), leg,
                        LedgerAccount.of(AccountType.SUSPENSE, c.channelId()), to, now));
            }
        }
        c.approve(operator, now);
        LOG.info(() -> "case " + caseId + ": " + operator + " approves " + resolution + " proposed by "
                + c.proposedBy() + "; it is " + c.state());
        return new CaseDetail(c.view(), inSuspense(c), resolutions(c));
    }

    /**
     * The checker's other step: another operator rejects the proposal; the case is open again.
     *
     * @throws PayrailException CASE_NOT_FOUND, CASE_STATE_CONFLICT, SELF_APPROVAL_FORBIDDEN
     */
    public CaseDetail reject(String caseId, String operator, String note) {
        ChannelDiscrepancy c = checkable(caseId, operator);
        c.reject(operator, note == null || note.length() <= MAX_REASON ? note : note.substring(0, MAX_REASON),
                clock.instant());
        LOG.info(() -> "case " + caseId + ": " + operator + " rejects the proposal of " + c.proposedBy());
        return new CaseDetail(c.view(), inSuspense(c), resolutions(c));
    }

    private ChannelDiscrepancy checkable(String caseId, String operator) {
        ChannelDiscrepancy c = lock(caseId);
        if (c.state() != ChannelDiscrepancy.State.PROPOSED) {
            throw new PayrailException(ErrorCode.CASE_STATE_CONFLICT, "case " + caseId + " is " + c.state()
                    + ": only a PROPOSED case can be approved or rejected; propose a resolution first");
        }
        if (operator.equals(c.proposedBy())) {
            throw new PayrailException(ErrorCode.SELF_APPROVAL_FORBIDDEN, operator + " proposed " + c.resolution()
                    + " for case " + caseId + " and cannot also decide it: another operator must approve or reject");
        }
        return c;
    }

    /** The resolutions that can settle this case. */
    static Set<Resolution> resolutions(ChannelDiscrepancy c) {
        Set<Resolution> out = EnumSet.of(Resolution.WRITE_OFF);
        if (c.state() != ChannelDiscrepancy.State.PARKED) {
            out.add(Resolution.BOOK_TO_SUSPENSE);
        }
        // a held order's case (raised before reconciliation) waits for the order's own release, not built yet
        if (c.kind() == DiscrepancyKind.FEE_MISMATCH || c.merchantId() != null && c.fromReconciliation()) {
            out.add(Resolution.ACCEPT_CHANNEL);
        }
        return out;
    }

    /**
     * What the case holds in suspense, per currency (debit positive). For a reconciliation case it
     * is the difference it left on the receivable: for a payment the platform's figure minus the
     * channel's (both legs when the currencies differ), for a refund the reverse. A held order's
     * case holds the money the channel reported (credited to suspense); a held refund's the reverse.
     */
    static List<Money> legs(ChannelDiscrepancy c) {
        Money expected = c.expected();
        Money reported = c.reported();
        List<Money> legs = new ArrayList<>(2);
        if (c.kind() == DiscrepancyKind.FEE_MISMATCH) {
            // expected: the contract's fee, reported: the channel's; suspense holds the excess claimed
            return expected.equals(reported) ? List.of() : List.of(reported.minus(expected));
        }
        if (!c.fromReconciliation()) {
            legs.add(c.aboutRefund() ? reported : reported.negate());
        } else if (expected.currency().equals(reported.currency())) {
            legs.add(expected.minus(reported));
        } else {
            legs.add(expected);
            legs.add(reported.negate());
        }
        return legs.stream().filter(m -> !m.isZero()).map(m -> c.aboutRefund() && c.fromReconciliation()
                ? m.negate() : m).toList();
    }

    private static String legReference(ChannelDiscrepancy c, Money leg) {
        return c.id() + ":" + leg.currencyCode();
    }

    /** What suspense holds under the case's references now, per currency (zero once resolved). */
    private List<Money> inSuspense(ChannelDiscrepancy c) {
        List<Money> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select p.currency, sum(p.amountMinor) from Posting p join p.entry e"
                        + " where p.accountType = :a and p.accountOwner = :c and (e.referenceId like :ref"
                        + " or (e.referenceId = :held and e.entryType in :heldTypes))"
                        + " group by p.currency order by p.currency", Object[].class)
                .setParameter("a", AccountType.SUSPENSE).setParameter("c", c.channelId())
                .setParameter("ref", c.id() + ":%")
                // a held order's or refund's money went to suspense under its own id before the case existed
                .setParameter("held", c.fromReconciliation() ? "" : c.aggregateId())
                .setParameter("heldTypes", List.of(PostingRules.CAPTURE_DISCREPANCY, PostingRules.REFUND_DISCREPANCY))
                .getResultList()) {
            out.add(Money.ofMinor(((Number) r[1]).longValue(), (String) r[0]));
        }
        return out;
    }

    private ChannelDiscrepancy find(String caseId) {
        return Optional.ofNullable(em.find(ChannelDiscrepancy.class, caseId)).orElseThrow(() -> notFound(caseId));
    }

    private ChannelDiscrepancy lock(String caseId) {
        return Optional.ofNullable(em.find(ChannelDiscrepancy.class, caseId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> notFound(caseId));
    }

    private static PayrailException notFound(String caseId) {
        return new PayrailException(ErrorCode.CASE_NOT_FOUND, "no discrepancy case " + caseId
                + "; list them with GET /api/operator/cases");
    }

    /** A case with what it holds in suspense and the resolutions it can take. */
    public record CaseDetail(DiscrepancyView view, List<Money> inSuspense, Set<Resolution> resolutions) {
    }
}
