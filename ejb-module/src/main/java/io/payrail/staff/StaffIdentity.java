package io.payrail.staff;

import java.util.Set;

/** Who a signed-in staff member is and what they may do. */
public record StaffIdentity(String id, Set<StaffRole> roles, boolean mustChangePassword) {

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }
}
