package io.payrail.merchant;

import io.payrail.common.ErrorCode;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Answers "may this merchant take this payment?" inside the caller's transaction. */
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

    /**
     * @throws PayrailException CURRENCY_NOT_ENABLED or AMOUNT_OVER_LIMIT when the merchant may not
     *         take {@code amount} in one payment
     */
    public Merchant requireAllowed(String merchantId, Money amount) {
        Merchant merchant = requireActive(merchantId);
        Long max = merchant.currencyLimits().get(amount.currencyCode());
        if (max == null) {
            throw new PayrailException(ErrorCode.CURRENCY_NOT_ENABLED, "merchant " + merchantId + " is not enabled for "
                    + amount.currencyCode() + "; enabled: " + new java.util.TreeSet<>(merchant.currencyLimits().keySet()));
        }
        if (amount.minorUnits() > max) {
            throw new PayrailException(ErrorCode.AMOUNT_OVER_LIMIT, "amount " + amount.minorUnits()
                    + " is above the limit of " + max + " " + amount.currencyCode() + " minor units for one payment");
        }
        return merchant;
    }
}
