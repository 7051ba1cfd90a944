package io.payrail.discrepancy;

import io.payrail.common.Money;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/** Raises discrepancies in the caller's transaction (the one that booked the reported money to suspense). */
@Stateless
public class Discrepancies {

    private static final Logger LOG = Logger.getLogger(Discrepancies.class.getName());

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * Raises it once per (resource, kind, channel): the caller holds the resource's row lock, so a
     * repeated answer, callback or query finds the first record and adds nothing.
     *
     * @return true when this call raised it
     */
    public boolean raise(String channelId, String aggregateType, String aggregateId, String channelTxnId,
                         Money expected, Money reported, String source, String detail) {
        DiscrepancyKind kind = expected.currency().equals(reported.currency())
                ? DiscrepancyKind.AMOUNT_MISMATCH : DiscrepancyKind.CURRENCY_MISMATCH;
        long existing = em.createQuery("select count(d) from ChannelDiscrepancy d where d.aggregateType = :t"
                        + " and d.aggregateId = :a and d.kind = :k and d.channelId = :c", Long.class)
                .setParameter("t", aggregateType).setParameter("a", aggregateId).setParameter("k", kind)
                .setParameter("c", channelId).getSingleResult();
        if (existing > 0) {
            return false;
        }
        em.persist(new ChannelDiscrepancy(kind, channelId, aggregateType, aggregateId, channelTxnId, expected, reported,
                source, detail, clock.instant()));
        LOG.severe(() -> kind + ": " + channelId + " reported " + reported + " for " + aggregateType + " " + aggregateId
                + " of " + expected + " (" + detail + "); the reported money is in suspense and an operator must"
                + " resolve it (GET /api/operator/discrepancies)");
        return true;
    }

    /** Discrepancies in {@code state} (OPEN or RESOLVED), newest first. */
    public List<DiscrepancyView> list(ChannelDiscrepancy.State state, int limit) {
        return em.createQuery("select d from ChannelDiscrepancy d where d.state = :s order by d.detectedAt desc",
                        ChannelDiscrepancy.class)
                .setParameter("s", state).setMaxResults(limit).getResultList().stream()
                .map(ChannelDiscrepancy::view).toList();
    }
}
