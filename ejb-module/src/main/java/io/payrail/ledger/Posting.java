package io.payrail.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One leg of a journal entry: a signed amount (debit &gt; 0, credit &lt; 0) on one account. */
@Entity
@Table(name = "posting")
public class Posting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "journal_entry_id", nullable = false, updatable = false)
    private JournalEntry entry;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, updatable = false)
    private AccountType accountType;

    @Column(name = "account_owner", nullable = false, updatable = false)
    private String accountOwner;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;

    protected Posting() {
    }

    Posting(JournalEntry entry, AccountType accountType, String accountOwner, long amountMinor, String currency) {
        this.entry = entry;
        this.accountType = accountType;
        this.accountOwner = accountOwner;
        this.amountMinor = amountMinor;
        this.currency = currency;
    }

    public AccountType accountType() {
        return accountType;
    }

    public String accountOwner() {
        return accountOwner;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }
}
