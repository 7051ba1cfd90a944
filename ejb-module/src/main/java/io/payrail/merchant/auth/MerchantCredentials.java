package io.payrail.merchant.auth;

import io.payrail.merchant.Merchant;
import io.payrail.merchant.MerchantKey;
import io.payrail.merchant.MerchantPublicKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merchant and key a request names. Both rows are read on every request (a revoked key or a
 * suspended merchant takes effect at once); only the parsed key, immutable for its fingerprint,
 * is cached.
 */
@ApplicationScoped
public class MerchantCredentials {

    private final Map<String, MerchantPublicKeys.Parsed> parsed = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    public Optional<Merchant> merchant(String merchantId) {
        return Optional.ofNullable(em.find(Merchant.class, merchantId));
    }

    /** The active key and its algorithm, if the merchant has one under {@code keyId}. */
    public Optional<MerchantPublicKeys.Parsed> activeKey(String merchantId, String keyId) {
        MerchantKey key = em.find(MerchantKey.class, new MerchantKey.Id(merchantId, keyId));
        if (key == null || !key.isActive()) {
            return Optional.empty();
        }
        return Optional.of(parsed.computeIfAbsent(key.fingerprint(), f -> MerchantPublicKeys.parse(key.publicKeyPem())));
    }
}
