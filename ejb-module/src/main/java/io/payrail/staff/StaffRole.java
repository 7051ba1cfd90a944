package io.payrail.staff;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What a staff member may do; a member may hold several roles. */
public enum StaffRole {
    /** Staff accounts, roles and configuration. */
    ADMIN,
    /** Merchants, channels, orders, notifications. */
    OPERATIONS,
    /** Refunds above the threshold, reconciliation, settlement. */
    FINANCE,
    /** Reads orders, resends notifications. */
    SUPPORT,
    /** Reads everything, the audit log included; changes nothing. */
    AUDITOR;

    /** The names as kept in {@code staff_account.roles}. */
    static String join(Set<StaffRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /**
     * Parses a comma-separated list.
     *
     * @throws IllegalArgumentException naming the unknown role
     */
    public static Set<StaffRole> parse(String names) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String name : names.split(",")) {
            String n = name.strip();
            if (!n.isEmpty()) {
                try {
                    roles.add(valueOf(n));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown role " + n + "; the roles are " + new TreeSet<>(
                            EnumSet.allOf(StaffRole.class).stream().map(Enum::name).toList()), e);
                }
            }
        }
        return roles;
    }
}
