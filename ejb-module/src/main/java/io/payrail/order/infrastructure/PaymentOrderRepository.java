package io.payrail.order.infrastructure;

import io.payrail.order.domain.PaymentOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Payment orders in MySQL, inside the caller's transaction. */
@ApplicationScoped
public class PaymentOrderRepository {

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    public void add(PaymentOrder order) {
        em.persist(order);
        // flush now so a duplicate merchant order number fails here, as a PersistenceException
        // the intake can recognise, and not later at commit
        em.flush();
    }

    /** Writes pending changes now, so the version a caller reads is the one being committed. */
    public void flush() {
        em.flush();
    }

    public Optional<PaymentOrder> find(String id) {
        return Optional.ofNullable(em.find(PaymentOrder.class, id));
    }

    public Optional<PaymentOrder> findByMerchantOrderNo(String merchantId, String merchantOrderNo) {
        List<PaymentOrder> found = em.createQuery("select o from PaymentOrder o where o.merchantId = :merchant"
                        + " and o.merchantOrderNo = :orderNo", PaymentOrder.class)
                .setParameter("merchant", merchantId)
                .setParameter("orderNo", merchantOrderNo)
                .getResultList();
        return found.stream().findFirst();
    }
}
