package io.payrail.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One staff action. Immutable: Hibernate never updates it, and the table's triggers refuse it. */
@Entity
@Immutable
@Table(name = "staff_audit")
public class StaffAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(name = "staff_id", nullable = false, updatable = false)
    private String staffId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(updatable = false)
    private String target;

    @Column(name = "before_state", updatable = false)
    private String beforeState;

    @Column(name = "after_state", updatable = false)
    private String afterState;

    @Column(updatable = false)
    private String address;

    protected StaffAuditEntry() {
    }

    StaffAuditEntry(Instant at, String staffId, String action, String target, String beforeState, String afterState,
            String address) {
        this.at = at;
        // whatever a caller typed (a sign-in with a 500-character "staff id") fits its column
        this.staffId = clip(staffId, 32);
        this.action = clip(action, 64);
        this.target = clip(target, 200);
        this.beforeState = clip(beforeState, 4000);
        this.afterState = clip(afterState, 4000);
        this.address = clip(address, 64);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getStaffId() {
        return staffId;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getBeforeState() {
        return beforeState;
    }

    public String getAfterState() {
        return afterState;
    }

    public String getAddress() {
        return address;
    }
}
