package io.payrail.merchant;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Answers "may this merchant move money?" inside the caller's transaction. */
@ApplicationScoped
public class MerchantDirectory {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    /** @throws PayrailException MERCHANT_UNKNOWN when the merchant does not exist or is not active */
    public Merchant requireActive(String merchantId) {
        Merchant merchant = em.find(Merchant.class, merchantId);
        if (merchant == null || !merchant.isActive()) {
            throw new PayrailException(ErrorCode.MERCHANT_UNKNOWN, "no active merchant " + merchantId);
        }
        return merchant;
    }
}
