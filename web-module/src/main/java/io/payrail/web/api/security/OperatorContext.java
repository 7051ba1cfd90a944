package io.payrail.web.api.security;

import io.payrail.staff.StaffIdentity;
import io.payrail.staff.StaffRole;
import io.payrail.web.backoffice.Actor;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;

/** The staff member the current operator-API request authenticated as (their bearer token), and from where. */
@RequestScoped
public class OperatorContext {

    private StaffIdentity identity;
    private String address;

    void authenticated(StaffIdentity staff, String remoteAddress) {
        this.identity = staff;
        this.address = remoteAddress;
    }

    /** The staff member's id: who proposed, approved or changed something. */
    public String operatorId() {
        return identity().id();
    }

    public Set<StaffRole> roles() {
        return identity().roles();
    }

    /** The caller's network address, for the audit log. */
    public String address() {
        return address;
    }

    /** The member and address, as the audited staff actions take them. */
    public Actor actor() {
        return new Actor(operatorId(), address);
    }

    public StaffIdentity identity() {
        if (identity == null) {
            throw new IllegalStateException("no authenticated operator on this request");
        }
        return identity;
    }
}
