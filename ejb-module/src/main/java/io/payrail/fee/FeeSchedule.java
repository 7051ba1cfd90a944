package io.payrail.fee;

import io.payrail.common.Money;
import io.payrail.order.domain.PaymentMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Which plan prices a capture, inside the caller's transaction: the merchant's own plan for the
 * payment method and currency with the latest {@code effectiveFrom} on or before the capture's UTC
 * day, else the plan of every merchant ({@value RatePlan#ANY_MERCHANT}) chosen the same way, else no
 * fee.
 */
@ApplicationScoped
public class FeeSchedule {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    /** The fee for a capture of {@code amount}, and the plan it came from (none: no fee). */
    public Quote quote(String merchantId, PaymentMethod method, Money amount, Instant capturedAt) {
        return plan(merchantId, method, amount.currencyCode(), capturedAt.atZone(ZoneOffset.UTC).toLocalDate())
                .map(p -> new Quote(FeeCalculator.fee(amount, p.terms()), p.id()))
                .orElseGet(() -> new Quote(Money.zero(amount.currency()), null));
    }

    /** The refund policy the fee of a capture was charged under (a capture without a plan kept nothing to give back). */
    public RefundPolicy refundPolicyOf(String ratePlanId) {
        RatePlan plan = ratePlanId == null ? null : em.find(RatePlan.class, ratePlanId);
        return plan == null ? RefundPolicy.KEEP : plan.terms().refundPolicy();
    }

    Optional<RatePlan> plan(String merchantId, PaymentMethod method, String currency, LocalDate day) {
        List<RatePlan> plans = em.createQuery("select p from RatePlan p where p.merchantId in (:m, :any)"
                        + " and p.paymentMethod = :pm and p.currency = :c and p.effectiveFrom <= :d", RatePlan.class)
                .setParameter("m", merchantId).setParameter("any", RatePlan.ANY_MERCHANT).setParameter("pm", method)
                .setParameter("c", currency).setParameter("d", day).getResultList();
        return plans.stream().filter(p -> p.merchantId().equals(merchantId)).max((a, b) -> a.effectiveFrom()
                        .compareTo(b.effectiveFrom()))
                .or(() -> plans.stream().max((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom())));
    }

    /** A fee and the plan that priced it (null when none did). */
    public record Quote(Money fee, String ratePlanId) {
    }
}
