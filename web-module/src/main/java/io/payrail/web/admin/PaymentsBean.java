package io.payrail.web.admin;

import io.payrail.backoffice.BackOfficeQueries;
import io.payrail.common.PayrailException;
import io.payrail.staff.StaffRole;
import io.payrail.web.backoffice.StaffActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Payments: search (merchant, state, channel, id or order number, amount range); the detail of one
 * with its transitions, notifications, refunds and ledger postings; resending a notification
 * (SUPPORT or OPERATIONS) with its event id unchanged. Notifications' delivery log is here too.
 */
@Named("payments")
@ViewScoped
public class PaymentsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BackOfficeQueries queries;

    @Inject
    private StaffActions actions;

    @Inject
    private StaffGuard guard;

    @Inject
    private AdminMessages messages;

    private String merchantId;
    private String state;
    private String channelId;
    private String id;
    private Long minAmount;
    private Long maxAmount;
    private List<Map<String, Object>> rows;
    private String selected;

    public void search() {
        rows = queries.payments(merchantId, state, channelId, id, minAmount, maxAmount);
        selected = null;
    }

    public List<Map<String, Object>> getRows() {
        if (rows == null) {
            search();
        }
        return rows;
    }

    public void select(String paymentId) {
        selected = paymentId;
    }

    public String getSelected() {
        return selected;
    }

    public List<Map<String, Object>> getTransitions() {
        return selected == null ? List.of() : queries.transitions(selected);
    }

    public List<Map<String, Object>> getNotifications() {
        return selected == null ? List.of() : queries.notifications(selected);
    }

    public List<Map<String, Object>> getRefunds() {
        return selected == null ? List.of() : queries.refunds(selected);
    }

    public List<Map<String, Object>> getPostings() {
        return selected == null ? List.of() : queries.postings(selected);
    }

    public List<Map<String, Object>> getNotificationLog() {
        return queries.notificationLog(merchantId);
    }

    /** Resends with the same event id: SUPPORT's or OPERATIONS', checked here. */
    public void resend(String merchant, String eventId) {
        if (!guard.allows(StaffRole.SUPPORT, StaffRole.OPERATIONS)) {
            return;
        }
        try {
            actions.resendNotification(guard.actor(), merchant, eventId);
            messages.info("notifications.resent", eventId);
        } catch (PayrailException e) {
            messages.refused(e);
        }
    }

    public String getMerchantId() {
        return merchantId;
    }

    public void setMerchantId(String merchantId) {
        this.merchantId = merchantId;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getMinAmount() {
        return minAmount;
    }

    public void setMinAmount(Long minAmount) {
        this.minAmount = minAmount;
    }

    public Long getMaxAmount() {
        return maxAmount;
    }

    public void setMaxAmount(Long maxAmount) {
        this.maxAmount = maxAmount;
    }
}
