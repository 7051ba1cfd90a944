package io.payrail.ledger;

import java.util.Objects;

/** One account: its type and its owner (a channel, a merchant, or {@link Ledger#PLATFORM}); the currency is the entry's. */
public record LedgerAccount(AccountType type, String owner) {

    public LedgerAccount {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
    }

    public static LedgerAccount of(AccountType type, String owner) {
        return new LedgerAccount(type, owner);
    }

    @Override
    public String toString() {
        return type + "(" + owner + ")";
    }
}
