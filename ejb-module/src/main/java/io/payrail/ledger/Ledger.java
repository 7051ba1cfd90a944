package io.payrail.ledger;

import io.payrail.common.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Books journal entries and derives balances, inside the caller's transaction. Balances are always
 * sums over the append-only postings: there is no balance row to update, so payments of one busy
 * merchant never wait for each other on one.
 */
@ApplicationScoped
public class Ledger {

    public static final String PLATFORM = "PLATFORM";

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    public void book(JournalEntry entry) {
        em.persist(entry);
    }

    /** Books the entry when there is one (a zero fee has none). */
    public void book(Optional<JournalEntry> entry) {
        entry.ifPresent(this::book);
    }

    /** Whether an entry of this type was booked for this reference. */
    public boolean isBooked(String entryType, String referenceId) {
        return em.createQuery("select count(e) from JournalEntry e where e.entryType = :t and e.referenceId = :r",
                        Long.class)
                .setParameter("t", entryType).setParameter("r", referenceId).getSingleResult() > 0;
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

    /** Every account with postings, and its balance; optionally only one type. Sorted by type, owner, currency. */
    public List<AccountBalance> balances(AccountType onlyType) {
        var query = em.createQuery("select p.accountType, p.accountOwner, p.currency, sum(p.amountMinor), count(p)"
                + " from Posting p" + (onlyType == null ? "" : " where p.accountType = :t")
                + " group by p.accountType, p.accountOwner, p.currency"
                + " order by p.accountType, p.accountOwner, p.currency", Object[].class);
        if (onlyType != null) {
            query.setParameter("t", onlyType);
        }
        List<Object[]> rows = query.getResultList();
        List<AccountBalance> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new AccountBalance((AccountType) r[0], (String) r[1],
                    Money.ofMinor(((Number) r[3]).longValue(), (String) r[2]), ((Number) r[4]).longValue()));
        }
        return out;
    }

    /**
     * The trial balance: the sum of every posting, per currency. Every entry balances, so each is
     * zero; anything else is a defect in the books.
     */
    public Map<String, Long> trialBalance() {
        Map<String, Long> out = new TreeMap<>();
        for (Object[] r : em.createQuery("select p.currency, sum(p.amountMinor) from Posting p group by p.currency",
                Object[].class).getResultList()) {
            out.put((String) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    /**
     * A merchant's balances in one currency, as positive amounts owed to it: pending (not yet in a
     * settlement), available (in an approved settlement, payout not yet confirmed) and settled (paid
     * out, all time).
     */
    public MerchantBalance merchantBalance(String merchantId, Currency currency) {
        Money pending = balance(AccountType.MERCHANT_PENDING, merchantId, currency).negate();
        Money available = balance(AccountType.MERCHANT_PAYABLE, merchantId, currency).negate();
        Long paid = em.createQuery("select coalesce(sum(p.amountMinor), 0) from Posting p join p.entry e"
                        + " where e.entryType = :t and p.accountType = :a and p.accountOwner = :m and p.currency = :c",
                        Long.class)
                .setParameter("t", PostingRules.SETTLEMENT_PAID).setParameter("a", AccountType.MERCHANT_PAYABLE)
                .setParameter("m", merchantId).setParameter("c", currency.getCurrencyCode()).getSingleResult();
        return new MerchantBalance(merchantId, pending, available, Money.ofMinor(paid, currency));
    }

    /** The currencies a merchant has postings in. */
    public List<String> merchantCurrencies(String merchantId) {
        return em.createQuery("select distinct p.currency from Posting p where p.accountOwner = :m"
                        + " and p.accountType in :types order by p.currency", String.class)
                .setParameter("m", merchantId)
                .setParameter("types", List.of(AccountType.MERCHANT_PENDING, AccountType.MERCHANT_PAYABLE))
                .getResultList();
    }

    /** One account's balance and how many postings made it. */
    public record AccountBalance(AccountType type, String owner, Money balance, long postings) {
    }

    /**
     * What a merchant is owed, as positive amounts. pending + available + settled is everything ever
     * credited to it (captures and accepted adjustments) less refunds and fees.
     */
    public record MerchantBalance(String merchantId, Money pending, Money available, Money settled) {

        public Money total() {
            return pending.plus(available).plus(settled);
        }
    }
}
