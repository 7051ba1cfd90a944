package io.payrail.fee;

import io.payrail.common.Currencies;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.merchant.Merchant;
import io.payrail.order.domain.PaymentMethod;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Operators' transaction boundary for rate plans: defined once, never changed, listed. */
@Stateless
public class RatePlans {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * Defines the plan; the same plan again is a no-op that answers the first one.
     *
     * @throws PayrailException MERCHANT_NOT_FOUND, VALIDATION_FAILED (currency), or RATE_PLAN_CONFLICT
     *         when another plan takes effect on that day for that merchant, method and currency
     */
    public Defined define(String merchantId, PaymentMethod method, String currency, LocalDate effectiveFrom,
                          FeeTerms terms, String operatorId) {
        if (!RatePlan.ANY_MERCHANT.equals(merchantId) && em.find(Merchant.class, merchantId) == null) {
            throw new PayrailException(ErrorCode.MERCHANT_NOT_FOUND, "no merchant " + merchantId
                    + "; create it first, or use \"*\" for the plan of every merchant");
        }
        if (Currencies.payable(currency).isEmpty()) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "currency must be an ISO 4217 code of payment");
        }
        List<RatePlan> same = em.createQuery("select p from RatePlan p where p.merchantId = :m and p.paymentMethod = :pm"
                        + " and p.currency = :c and p.effectiveFrom = :d", RatePlan.class)
                .setParameter("m", merchantId).setParameter("pm", method).setParameter("c", currency)
                .setParameter("d", effectiveFrom).getResultList();
        if (!same.isEmpty()) {
            RatePlan existing = same.get(0);
            if (!existing.terms().equals(terms)) {
                throw new PayrailException(ErrorCode.RATE_PLAN_CONFLICT, "plan " + existing.id() + " already prices "
                        + method + " in " + currency + " for " + merchantId + " from " + effectiveFrom
                        + "; a new price needs a later effectiveFrom");
            }
            return new Defined(RatePlanView.of(existing), false);
        }
        RatePlan plan = new RatePlan(merchantId, method, currency, effectiveFrom, Objects.requireNonNull(terms),
                operatorId, clock.instant());
        em.persist(plan);
        return new Defined(RatePlanView.of(plan), true);
    }

    /** A merchant's plans (or the plans of every merchant, {@value RatePlan#ANY_MERCHANT}), newest first. */
    public List<RatePlanView> of(String merchantId) {
        return em.createQuery("select p from RatePlan p where p.merchantId = :m"
                        + " order by p.paymentMethod, p.currency, p.effectiveFrom desc", RatePlan.class)
                .setParameter("m", merchantId).getResultList().stream().map(RatePlanView::of).toList();
    }

    /** The plan, and whether this call created it. */
    public record Defined(RatePlanView plan, boolean created) {
    }
}
