package io.payrail.order.infrastructure;

import io.payrail.order.domain.PaymentAttempt;
import io.payrail.order.domain.PaymentOrder;
import io.payrail.order.domain.PaymentOrderState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payment orders in MySQL, inside the caller's transaction. */
@ApplicationScoped
public class PaymentOrderRepository {

    /** Pages of orders, newest first, after the last one of the previous page (stable while new ones arrive). */
    private static final String KEYSET_AFTER =
            " and (o.createdAt < :afterCreatedAt or (o.createdAt = :afterCreatedAt and o.id < :afterId))";
    private static final String NEWEST_FIRST = " order by o.createdAt desc, o.id desc";

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    private static TypedQuery<PaymentOrder> keysetAfter(TypedQuery<PaymentOrder> query, Instant afterCreatedAt,
                                                        String afterId) {
        return afterCreatedAt == null ? query
                : query.setParameter("afterCreatedAt", afterCreatedAt).setParameter("afterId", afterId);
    }

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

    /** The order, its row locked until the transaction ends (refunds of one order queue behind each other). */
    public Optional<PaymentOrder> lock(String id) {
        return Optional.ofNullable(em.find(PaymentOrder.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * One page of a merchant's orders, newest first, keyset-paginated on (createdAt, id) so that
     * pages stay stable while new orders arrive.
     */
    public List<PaymentOrder> page(String merchantId, PaymentOrderState state, Instant from, Instant to,
                                   Instant afterCreatedAt, String afterId, int limit) {
        StringBuilder jpql = new StringBuilder("select o from PaymentOrder o where o.merchantId = :merchant");
        if (state != null) {
            jpql.append(" and o.state = :state");
        }
        if (from != null) {
            jpql.append(" and o.createdAt >= :from");
        }
        if (to != null) {
            jpql.append(" and o.createdAt < :to");
        }
        jpql.append(afterCreatedAt == null ? "" : KEYSET_AFTER).append(NEWEST_FIRST);
        TypedQuery<PaymentOrder> query = em.createQuery(jpql.toString(), PaymentOrder.class)
                .setParameter("merchant", merchantId)
                .setMaxResults(limit);
        if (state != null) {
            query.setParameter("state", state);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return keysetAfter(query, afterCreatedAt, afterId).getResultList();
    }

    /** Moves a due check to {@code until}; true when this caller got it. */
    public boolean claimCheck(String id, Instant now, Instant until) {
        return em.createQuery("update PaymentOrder o set o.nextCheckAt = :until where o.id = :id"
                        + " and o.nextCheckAt <= :now")
                .setParameter("until", until).setParameter("id", id).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** PROCESSING orders whose next check is due, oldest first. */
    public List<String> dueForCheck(Instant now, int limit) {
        return em.createQuery("select o.id from PaymentOrder o where o.nextCheckAt <= :now and o.state = :s"
                        + " order by o.nextCheckAt", String.class)
                .setParameter("now", now).setParameter("s", PaymentOrderState.PROCESSING)
                .setMaxResults(limit).getResultList();
    }

    /**
     * CREATED or PROCESSING orders past their expiry and not waiting for a scheduled check (an
     * expired order whose close is pending at its channel is retried on the check schedule), nor
     * held for an operator.
     */
    public List<String> expired(Instant now, int limit) {
        return em.createQuery("select o.id from PaymentOrder o where o.state in :states and o.expiresAt <= :now"
                        + " and (o.nextCheckAt is null or o.nextCheckAt <= :now) and o.heldAt is null"
                        + " order by o.expiresAt", String.class)
                .setParameter("states", List.of(PaymentOrderState.CREATED, PaymentOrderState.PROCESSING))
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    public Optional<PaymentOrder> findByMerchantOrderNo(String merchantId, String merchantOrderNo) {
        List<PaymentOrder> found = em.createQuery("select o from PaymentOrder o where o.merchantId = :merchant"
                        + " and o.merchantOrderNo = :orderNo", PaymentOrder.class)
                .setParameter("merchant", merchantId)
                .setParameter("orderNo", merchantOrderNo)
                .getResultList();
        return found.stream().findFirst();
    }

    /** The order a cashier URL names. */
    public Optional<PaymentOrder> findByCashierToken(String token) {
        return em.createQuery("select o from PaymentOrder o where o.cashierToken = :t", PaymentOrder.class)
                .setParameter("t", token).getResultList().stream().findFirst();
    }

    public void addAttempt(PaymentAttempt attempt) {
        em.persist(attempt);
    }

    public Optional<PaymentAttempt> attempt(String orderId, int attemptNo) {
        return Optional.ofNullable(em.find(PaymentAttempt.class, new PaymentAttempt.Key(orderId, attemptNo)));
    }

    /** An order's cashier attempts, first first. */
    public List<PaymentAttempt> attempts(String orderId) {
        return em.createQuery("select a from PaymentAttempt a where a.key.orderId = :o order by a.key.attemptNo",
                PaymentAttempt.class).setParameter("o", orderId).getResultList();
    }

    /**
     * One page of a payer's orders, newest first, keyset-paginated like a merchant's; {@code text}
     * matches the subject or the merchant order number (a substring, any case), {@code merchantIds} the merchants
     * (null: any).
     */
    public List<PaymentOrder> pageForPayer(String payerId, PaymentOrderState state, List<String> merchantIds,
                                           String text, Instant afterCreatedAt, String afterId, int limit) {
        StringBuilder jpql = new StringBuilder("select o from PaymentOrder o where o.payerId = :payer");
        if (state != null) {
            jpql.append(" and o.state = :state");
        }
        if (merchantIds != null) {
            jpql.append(" and o.merchantId in :merchants");
        }
        if (text != null) {
            jpql.append(" and (locate(lower(:text), lower(o.subject)) > 0 or locate(lower(:text), lower(o.merchantOrderNo)) > 0)");
        }
        jpql.append(afterCreatedAt == null ? "" : KEYSET_AFTER).append(NEWEST_FIRST);
        TypedQuery<PaymentOrder> query = em.createQuery(jpql.toString(), PaymentOrder.class)
                .setParameter("payer", payerId).setMaxResults(limit);
        if (state != null) {
            query.setParameter("state", state);
        }
        if (merchantIds != null) {
            query.setParameter("merchants", merchantIds);
        }
        if (text != null) {
            query.setParameter("text", text);
        }
        return keysetAfter(query, afterCreatedAt, afterId).getResultList();
    }
}
