package io.payrail.web.admin;

import io.payrail.backoffice.StaffRefund;
import io.payrail.backoffice.StaffRefunds;
import io.payrail.common.PayrailException;
import io.payrail.staff.StaffRole;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Refunds on a merchant's behalf: OPERATIONS or FINANCE propose one from a payment's detail;
 * above the threshold a FINANCE member other than the proposer approves or rejects it here.
 */
@Named("refunds")
@ViewScoped
public class RefundsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StaffRefunds refunds;

    @Inject
    private StaffGuard guard;

    @Inject
    private AdminMessages messages;

    private Long amount;
    private String reason;

    public List<StaffRefund> getRows() {
        return refunds.list();
    }

    public void propose(String paymentOrderId) {
        if (!guard.allows(StaffRole.OPERATIONS, StaffRole.FINANCE)) {
            return;
        }
        try {
            StaffRefund r = refunds.propose(paymentOrderId, amount == null ? 0 : amount, reason, guard.getStaffId(),
                    guard.actor().address());
            messages.info(r.getState() == StaffRefund.State.PROPOSED ? "refunds.proposed" : "refunds.issued", r.getId());
        } catch (PayrailException e) {
            messages.refused(e);
        }
    }

    public void approve(String id) {
        decide(id, true);
    }

    public void reject(String id) {
        decide(id, false);
    }

    /** FINANCE only, and never one's own proposal (the bean refuses that too). */
    private void decide(String id, boolean approve) {
        if (!guard.allows(StaffRole.FINANCE)) {
            return;
        }
        try {
            if (approve) {
                refunds.approve(id, guard.getStaffId(), guard.actor().address());
                messages.info("refunds.approved", id);
            } else {
                refunds.reject(id, guard.getStaffId(), guard.actor().address());
                messages.info("refunds.rejected", id);
            }
        } catch (PayrailException e) {
            messages.refused(e);
        }
    }

    public Long getAmount() {
        return amount;
    }

    public void setAmount(Long amount) {
        this.amount = amount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
