package io.payrail.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Appends to and reads the audit trail, inside the caller's transaction. */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    public void record(StateTransition transition) {
        em.persist(transition);
    }

    public List<StateTransition> of(String aggregateType, String aggregateId) {
        return em.createQuery("select t from StateTransition t where t.aggregateType = :type"
                        + " and t.aggregateId = :id order by t.id", StateTransition.class)
                .setParameter("type", aggregateType)
                .setParameter("id", aggregateId)
                .getResultList();
    }
}
