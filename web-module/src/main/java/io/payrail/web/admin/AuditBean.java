package io.payrail.web.admin;

import io.payrail.staff.StaffAudit;
import io.payrail.staff.StaffAuditEntry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The audit log with filters (staff, action, target, days in UTC); AUDITOR and ADMIN (web.xml). */
@Named("audit")
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StaffAudit audit;

    private String staffId;
    private String action;
    private String target;
    private LocalDate from;
    private LocalDate to;
    private List<StaffAuditEntry> rows;

    public void search() {
        rows = audit.search(staffId, action, target, day(from), to == null ? null : day(to.plusDays(1)), 200);
    }

    public List<StaffAuditEntry> getRows() {
        if (rows == null) {
            search();
        }
        return rows;
    }

    private static Instant day(LocalDate d) {
        return d == null ? null : d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public String getStaffId() {
        return staffId;
    }

    public void setStaffId(String staffId) {
        this.staffId = staffId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
