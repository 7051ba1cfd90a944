package io.payrail.discrepancy;

import io.payrail.ledger.PostingRules;

/**
 * How an approved case is settled in the books: the difference it left in suspense moves to its
 * owner. Proposed by one operator, approved by another.
 */
public enum Resolution {
    /** The channel's figure stands: the merchant bears (or gets) the difference. Needs a known merchant. */
    ACCEPT_CHANNEL(PostingRules.CASE_ACCEPTED),
    /** The platform absorbs (or keeps) the difference as a write-off. */
    WRITE_OFF(PostingRules.CASE_WRITTEN_OFF),
    /**
     * Nothing is decided yet but the case is acknowledged: the difference stays in suspense and the
     * case is PARKED, to be proposed again (suspense is zero only once no case is parked).
     */
    BOOK_TO_SUSPENSE(null),
    /** Not proposable: the payment was only late, on a later day's statement, and its difference went back by itself. */
    CROSS_DAY(PostingRules.CASE_CROSS_DAY);

    private final String entryType;

    Resolution(String entryType) {
        this.entryType = entryType;
    }

    /** The journal entry type it books, or null when it books nothing. */
    public String entryType() {
        return entryType;
    }
}
