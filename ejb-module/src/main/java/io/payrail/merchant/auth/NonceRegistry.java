package io.payrail.merchant.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Single-use nonces, shared by every server through MySQL's primary key on (merchant, nonce). A
 * claim joins the authenticator's transaction, which commits whatever the request then does: a
 * nonce stays spent even if the request fails.
 */
@Stateless
public class NonceRegistry {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** @return true when this is the first use of {@code nonce} by {@code merchantId} */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean claim(String merchantId, String nonce) {
        int inserted = em.createNativeQuery("INSERT IGNORE INTO request_nonce (merchant_id, nonce, seen_at) VALUES (?, ?, ?)")
                .setParameter(1, merchantId)
                .setParameter(2, nonce)
                .setParameter(3, clock.instant())
                .executeUpdate();
        return inserted == 1;
    }
}
