package io.payrail.channel;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which channels staff have switched off (table channel_switch): the router offers them no new
 * payment. Read on every routing decision, so a switch takes effect at once on every server.
 */
@Stateless
public class ChannelSwitches {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> disabled() {
        List<?> ids = em.createNativeQuery("SELECT channel_id FROM channel_switch WHERE enabled = FALSE").getResultList();
        Set<String> out = new HashSet<>();
        ids.forEach(id -> out.add(id.toString()));
        return out;
    }

    /** Switches a channel on or off; returns whether it was on before. */
    public boolean set(String channelId, boolean enabled, String staffId) {
        boolean wasOn = !disabled().contains(channelId);
        em.createNativeQuery("INSERT INTO channel_switch (channel_id, enabled, changed_by, changed_at) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), changed_by = VALUES(changed_by),"
                        + " changed_at = VALUES(changed_at)")
                .setParameter(1, channelId).setParameter(2, enabled).setParameter(3, staffId)
                .setParameter(4, clock.instant()).executeUpdate();
        return wasOn;
    }
}
