package io.payrail.ledger;

import io.payrail.common.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Currency;

/** Books journal entries and derives balances, inside the caller's transaction. */
@ApplicationScoped
public class Ledger {

    public static final String PLATFORM = "PLATFORM";

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    public void book(JournalEntry entry) {
        em.persist(entry);
    }

    /** The sum of all postings on one account. */
    public Money balance(AccountType type, String owner, Currency currency) {
        Long sum = em.createQuery("select coalesce(sum(p.amountMinor), 0) from Posting p where p.accountType = :type"
                        + " and p.accountOwner = :owner and p.currency = :currency", Long.class)
                .setParameter("type", type)
                .setParameter("owner", owner)
                .setParameter("currency", currency.getCurrencyCode())
                .getSingleResult();
        return Money.ofMinor(sum, currency);
    }

    /** Journal entries booked for a reference (an order id, a refund id). */
    public long entriesFor(String referenceId) {
        return em.createQuery("select count(e) from JournalEntry e where e.referenceId = :ref", Long.class)
                .setParameter("ref", referenceId)
                .getSingleResult();
    }
}
