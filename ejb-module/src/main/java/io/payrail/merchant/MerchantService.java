package io.payrail.merchant;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Operators' transaction boundary for merchants and their keys. Every operation is idempotent:
 * repeating it with the same input changes nothing and answers as the first time did.
 */
@Stateless
public class MerchantService {

    /** Two active keys let a merchant rotate: register the new one, switch, revoke the old one. */
    public static final int MAX_ACTIVE_KEYS = 2;

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Creates the merchant, or returns it unchanged when it exists with these very settings. */
    public RegistrationResult register(MerchantRegistration r) {
        Merchant existing = em.find(Merchant.class, r.id(), LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            Merchant merchant = new Merchant(r.id(), r.name(), r.notifyUrl(), r.rateLimitPerMinute(), r.currencyLimits(),
                    clock.instant());
            em.persist(merchant);
            return new RegistrationResult(MerchantView.of(merchant, List.of()), true);
        }
        boolean same = existing.name().equals(r.name()) && Objects.equals(existing.notifyUrl(), r.notifyUrl())
                && existing.rateLimitPerMinute() == r.rateLimitPerMinute()
                && existing.currencyLimits().equals(r.currencyLimits());
        if (!same) {
            throw new PayrailException(ErrorCode.MERCHANT_CONFLICT, "merchant " + r.id()
                    + " exists with other settings; change them with PUT /api/operator/merchants/" + r.id());
        }
        return new RegistrationResult(MerchantView.of(existing, keysOf(r.id())), false);
    }

    /** Replaces name, notify URL, rate limit and currency limits. */
    public MerchantView update(MerchantRegistration r) {
        Merchant merchant = require(r.id());
        merchant.update(r.name(), r.notifyUrl(), r.rateLimitPerMinute(), r.currencyLimits(), clock.instant());
        em.flush();
        return MerchantView.of(merchant, keysOf(r.id()));
    }

    /**
     * Registers a public key under {@code keyId}. The same key again is a no-op; another key under a
     * used id, a third active key, or a weak, malformed or unknown kind of key is refused. The key's
     * algorithm (RSA or EC P-256) is read from the PEM and kept with it.
     */
    public MerchantView addKey(String merchantId, String keyId, String publicKeyPem) {
        Merchant merchant = em.find(Merchant.class, merchantId, LockModeType.PESSIMISTIC_WRITE);
        if (merchant == null) {
            throw notFound(merchantId);
        }
        MerchantPublicKeys.Parsed key;
        try {
            key = MerchantPublicKeys.parse(publicKeyPem);
        } catch (IllegalArgumentException e) {
            throw new PayrailException(ErrorCode.KEY_INVALID, e.getMessage());
        }
        String fingerprint = MerchantPublicKeys.fingerprint(key.key());
        MerchantKey existing = em.find(MerchantKey.class, new MerchantKey.Id(merchantId, keyId));
        if (existing != null) {
            if (!existing.fingerprint().equals(fingerprint)) {
                throw new PayrailException(ErrorCode.KEY_CONFLICT, "key id " + keyId + " of merchant " + merchantId
                        + " holds another key; register the new key under a new key id");
            }
            if (!existing.isActive()) {
                throw new PayrailException(ErrorCode.KEY_CONFLICT, "key " + keyId + " was revoked and stays revoked;"
                        + " register a new key under a new key id");
            }
            return MerchantView.of(merchant, keysOf(merchantId));
        }
        long active = keysOf(merchantId).stream().filter(MerchantKey::isActive).count();
        if (active >= MAX_ACTIVE_KEYS) {
            throw new PayrailException(ErrorCode.KEY_LIMIT_REACHED, "merchant " + merchantId + " has " + active
                    + " active keys; revoke one before adding " + keyId);
        }
        em.persist(new MerchantKey(merchantId, keyId, key.algorithm(), publicKeyPem.strip(), fingerprint, clock.instant()));
        em.flush();
        return MerchantView.of(merchant, keysOf(merchantId));
    }

    public MerchantView revokeKey(String merchantId, String keyId) {
        Merchant merchant = require(merchantId);
        MerchantKey key = em.find(MerchantKey.class, new MerchantKey.Id(merchantId, keyId));
        if (key == null) {
            throw new PayrailException(ErrorCode.RESOURCE_NOT_FOUND, "merchant " + merchantId + " has no key " + keyId);
        }
        key.revoke(clock.instant());
        em.flush();
        return MerchantView.of(merchant, keysOf(merchantId));
    }

    public MerchantView suspend(String merchantId) {
        Merchant merchant = require(merchantId);
        merchant.suspend(clock.instant());
        return MerchantView.of(merchant, keysOf(merchantId));
    }

    public MerchantView activate(String merchantId) {
        Merchant merchant = require(merchantId);
        merchant.activate(clock.instant());
        return MerchantView.of(merchant, keysOf(merchantId));
    }

    public MerchantView view(String merchantId) {
        return MerchantView.of(require(merchantId), keysOf(merchantId));
    }

    private Merchant require(String merchantId) {
        Merchant merchant = em.find(Merchant.class, merchantId);
        if (merchant == null) {
            throw notFound(merchantId);
        }
        return merchant;
    }

    private static PayrailException notFound(String merchantId) {
        return new PayrailException(ErrorCode.MERCHANT_NOT_FOUND, "no merchant " + merchantId);
    }

    private List<MerchantKey> keysOf(String merchantId) {
        return em.createQuery("select k from MerchantKey k where k.id.merchantId = :m order by k.createdAt",
                MerchantKey.class).setParameter("m", merchantId).getResultList();
    }

    /** The merchant, and whether this call created it. */
    public record RegistrationResult(MerchantView merchant, boolean created) {
    }
}
