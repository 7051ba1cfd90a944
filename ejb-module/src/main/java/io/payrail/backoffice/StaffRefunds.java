package io.payrail.backoffice;

import io.payrail.common.ErrorCode;
import io.payrail.common.Ids;
import io.payrail.common.PayrailException;
import io.payrail.refund.CreateRefundCommand;
import io.payrail.refund.RefundIntake;
import io.payrail.staff.StaffAudit;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refunds staff give on a merchant's behalf, with maker-checker: up to
 * {@code payrail.backoffice.refund-approval-threshold-minor} (minor units of the payment's
 * currency) the refund is issued at once; above it, it waits for a FINANCE member who is not the
 * proposer. Issuing goes through {@link RefundIntake} like a merchant's own refund (same rules: only
 * what remains refundable), under the merchant refund number {@code staff-<id>}, so an approval
 * retried after a crash issues it once. Each action writes one audit row, after the fact it records.
 */
@Stateless
public class StaffRefunds {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private StaffAudit audit;

    @EJB
    private RefundIntake intake;

    @EJB
    private StaffRefunds self;

    @Inject
    @ConfigProperty(name = "payrail.backoffice.refund-approval-threshold-minor", defaultValue = "10000")
    long threshold;

    /**
     * Proposes a refund. Not above the threshold it is issued at once (and recorded only once it
     * exists: a refused refund leaves nothing behind); above, it waits for approval.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StaffRefund propose(String paymentOrderId, long amountMinor, String reason, String staffId, String address) {
        if (amountMinor <= 0) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "the refund amount must be a positive number of minor units");
        }
        StaffRefund proposal = self.draft(paymentOrderId, amountMinor, reason, staffId);
        if (amountMinor > threshold) {
            return self.record(proposal, null, address);
        }
        return self.record(proposal, issueRefund(proposal), address);
    }

    /** FINANCE approves another member's proposal: the refund is issued. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StaffRefund approve(String id, String staffId, String address) {
        self.pending(id, staffId);
        return self.issue(id, staffId, address);
    }

    public StaffRefund reject(String id, String staffId, String address) {
        StaffRefund proposal = pending(id, staffId);
        String before = proposal.describe();
        proposal.rejected(staffId, clock.instant());
        audit.record(staffId, "REFUND_REJECTED", proposal.getPaymentOrderId(), before, proposal.describe(), address);
        return proposal;
    }

    /** The latest staff refunds, those waiting for a decision first. */
    public List<StaffRefund> list() {
        return em.createQuery("select r from StaffRefund r order by case when r.state = :p then 0 else 1 end,"
                + " r.proposedAt desc", StaffRefund.class).setParameter("p", StaffRefund.State.PROPOSED)
                .setMaxResults(200).getResultList();
    }

    /** A new proposal, not stored yet: the payment's merchant and currency filled in. */
    public StaffRefund draft(String paymentOrderId, long amountMinor, String reason, String staffId) {
        List<?> order = em.createNativeQuery("SELECT merchant_id, currency FROM payment_order WHERE id = ?")
                .setParameter(1, paymentOrderId).getResultList();
        if (order.isEmpty()) {
            throw new PayrailException(ErrorCode.PAYMENT_NOT_FOUND, "no payment " + paymentOrderId + "; search for it first");
        }
        Object[] row = (Object[]) order.get(0);
        return new StaffRefund(Ids.next("srf"), paymentOrderId, (String) row[0], amountMinor, (String) row[1],
                reason == null || reason.isBlank() ? "refund by staff" : reason.strip(), staffId, clock.instant());
    }

    /** Stores a proposal with its one audit row: issued already ({@code refundId}) or waiting (null). */
    public StaffRefund record(StaffRefund proposal, String refundId, String address) {
        if (refundId != null) {
            proposal.issued(proposal.getProposedBy(), refundId, clock.instant());
        }
        em.persist(proposal);
        audit.record(proposal.getProposedBy(), refundId == null ? "REFUND_PROPOSED" : "REFUND_ISSUED",
                proposal.getPaymentOrderId(), null, proposal.describe(), address);
        return proposal;
    }

    /** A proposal that waits and that {@code staffId} may decide (not their own). */
    public StaffRefund pending(String id, String staffId) {
        StaffRefund proposal = em.find(StaffRefund.class, id);
        if (proposal == null) {
            throw new PayrailException(ErrorCode.RESOURCE_NOT_FOUND, "no staff refund " + id + "; reload the list");
        }
        if (proposal.getState() != StaffRefund.State.PROPOSED) {
            throw new PayrailException(ErrorCode.CASE_STATE_CONFLICT, "refund " + id + " is already "
                    + proposal.getState() + "; nothing to decide");
        }
        if (proposal.getProposedBy().equals(staffId)) {
            throw new PayrailException(ErrorCode.SELF_APPROVAL_FORBIDDEN, "you proposed refund " + id
                    + ": another FINANCE member must approve or reject it");
        }
        return proposal;
    }

    /** Approves: issues the refund (its own transactions, idempotent), then records that with one audit row. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StaffRefund issue(String id, String staffId, String address) {
        return self.recordApproval(id, staffId, address, issueRefund(em.find(StaffRefund.class, id)));
    }

    public StaffRefund recordApproval(String id, String staffId, String address, String refundId) {
        StaffRefund proposal = pending(id, staffId);
        String before = proposal.describe();
        proposal.issued(staffId, refundId, clock.instant());
        audit.record(staffId, "REFUND_APPROVED", proposal.getPaymentOrderId(), before, proposal.describe(), address);
        return proposal;
    }

    private String issueRefund(StaffRefund proposal) {
        return intake.create(new CreateRefundCommand(proposal.getMerchantId(), proposal.getPaymentOrderId(),
                proposal.merchantRefundNo(), proposal.getAmountMinor(), proposal.getReason())).refund().id();
    }
}
