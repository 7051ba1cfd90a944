package io.payrail.ledger;

import io.payrail.common.Ids;
import io.payrail.common.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A balanced set of postings recording one money movement. (entry type, reference) is unique:
 * the same movement can never be booked twice.
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntry {

    @Id
    private String id;

    @Column(name = "entry_type", nullable = false, updatable = false)
    private String entryType;

    @Column(name = "reference_id", nullable = false, updatable = false)
    private String referenceId;

    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "entry", cascade = CascadeType.PERSIST)
    private List<Posting> postings = new ArrayList<>();

    protected JournalEntry() {
    }

    private JournalEntry(String entryType, String referenceId, String currency, Instant now) {
        this.id = Ids.next("je");
        this.entryType = entryType;
        this.referenceId = referenceId;
        this.currency = currency;
        this.createdAt = now;
    }

    /** Starts an entry; add legs with {@link Builder#debit}/{@link Builder#credit}, then {@link Builder#build}. */
    public static Builder of(String entryType, String referenceId, Instant now) {
        return new Builder(entryType, referenceId, now);
    }

    public String id() {
        return id;
    }

    public String entryType() {
        return entryType;
    }

    public String referenceId() {
        return referenceId;
    }

    public String currency() {
        return currency;
    }

    public List<Posting> postings() {
        return Collections.unmodifiableList(postings);
    }

    /** Collects legs and refuses to build an entry that does not balance. */
    public static final class Builder {
        private final String entryType;
        private final String referenceId;
        private final Instant now;
        private final List<Leg> legs = new ArrayList<>();
        private String currency;

        private Builder(String entryType, String referenceId, Instant now) {
            this.entryType = entryType;
            this.referenceId = referenceId;
            this.now = now;
        }

        public Builder debit(AccountType type, String owner, Money amount) {
            return leg(type, owner, amount);
        }

        public Builder credit(AccountType type, String owner, Money amount) {
            return leg(type, owner, amount.negate());
        }

        private Builder leg(AccountType type, String owner, Money signed) {
            if (currency == null) {
                currency = signed.currencyCode();
            } else if (!currency.equals(signed.currencyCode())) {
                throw new IllegalArgumentException("one journal entry holds one currency: "
                        + currency + " and " + signed.currencyCode());
            }
            legs.add(new Leg(type, owner, signed.minorUnits()));
            return this;
        }

        /** @throws UnbalancedEntryException when the legs do not sum to zero or fewer than two are given */
        public JournalEntry build() {
            if (legs.size() < 2) {
                throw new UnbalancedEntryException(entryType + " " + referenceId + " needs at least two postings");
            }
            long sum = 0;
            for (Leg leg : legs) {
                sum = Math.addExact(sum, leg.amountMinor());
            }
            if (sum != 0) {
                throw new UnbalancedEntryException(entryType + " " + referenceId + " is off by " + sum);
            }
            JournalEntry entry = new JournalEntry(entryType, referenceId, currency, now);
            for (Leg leg : legs) {
                entry.postings.add(new Posting(entry, leg.type(), leg.owner(), leg.amountMinor(), currency));
            }
            return entry;
        }

        private record Leg(AccountType type, String owner, long amountMinor) {
        }
    }

    /** Postings that do not sum to zero: a programming error, never booked. */
    public static final class UnbalancedEntryException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnbalancedEntryException(String message) {
            super(message);
        }
    }
}
