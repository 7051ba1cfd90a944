package io.payrail.staff;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The staff audit log: appended in the transaction of the action it records (so an action that
 * rolls back leaves no row, and a row means the action happened); read with filters. There is no
 * update or delete here, and the table's triggers refuse them from anywhere else.
 */
@Stateless
public class StaffAudit {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    public void record(String staffId, String action, String target, String before, String after, String address) {
        em.persist(new StaffAuditEntry(clock.instant(), staffId, action, target, before, after, address));
    }

    /** Newest first; every filter is optional (null or blank: any). */
    public List<StaffAuditEntry> search(String staffId, String action, String target, Instant from, Instant to, int max) {
        StringBuilder jpql = new StringBuilder("select e from StaffAuditEntry e where 1 = 1");
        if (present(staffId)) {
            jpql.append(" and e.staffId = :staff");
        }
        if (present(action)) {
            jpql.append(" and e.action = :action");
        }
        if (present(target)) {
            jpql.append(" and e.target = :target");
        }
        if (from != null) {
            jpql.append(" and e.at >= :from");
        }
        if (to != null) {
            jpql.append(" and e.at < :to");
        }
        TypedQuery<StaffAuditEntry> q = em.createQuery(jpql + " order by e.id desc", StaffAuditEntry.class);
        if (present(staffId)) {
            q.setParameter("staff", staffId.strip());
        }
        if (present(action)) {
            q.setParameter("action", action.strip());
        }
        if (present(target)) {
            q.setParameter("target", target.strip());
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        return q.setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
