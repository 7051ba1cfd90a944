package io.payrail.ledger;

/**
 * The chart of accounts: the kinds of account. An account is a type plus an owner (a channel id, a
 * merchant id, or {@link Ledger#PLATFORM}) plus a currency. Postings are signed (debit &gt; 0,
 * credit &lt; 0), so an asset or expense normally shows a positive balance and a liability or
 * revenue a negative one. Which events move which accounts is {@link PostingRules}'s business.
 */
public enum AccountType {
    /** Money a channel has collected for us and not yet paid us (asset; owner: channel). */
    CHANNEL_RECEIVABLE(Nature.ASSET, Owner.CHANNEL),
    /** The platform's own bank account: channels settle into it, payouts leave it (asset; owner: PLATFORM). */
    PLATFORM_BANK(Nature.ASSET, Owner.PLATFORM),
    /** What channels charge us, as their statements deduct it (expense; owner: channel). */
    CHANNEL_FEES(Nature.EXPENSE, Owner.CHANNEL),
    /** Differences the platform chose to absorb (or keep) when resolving a case (expense; owner: PLATFORM). */
    WRITE_OFFS(Nature.EXPENSE, Owner.PLATFORM),
    /** Owed to a merchant and not yet in an approved settlement: its "pending" balance (liability; owner: merchant). */
    MERCHANT_PENDING(Nature.LIABILITY, Owner.MERCHANT),
    /** In an approved settlement whose payout has not reached the merchant: "available" (liability; owner: merchant). */
    MERCHANT_PAYABLE(Nature.LIABILITY, Owner.MERCHANT),
    /** Our fees (revenue; owner: PLATFORM). */
    PLATFORM_FEE_REVENUE(Nature.REVENUE, Owner.PLATFORM),
    /** Refunds sent to a channel and not yet confirmed (owner: channel). Not posted to: kept for old books. */
    REFUNDS_IN_FLIGHT(Nature.LIABILITY, Owner.CHANNEL),
    /**
     * Money whose owner is not decided yet: a payment the merchant must not get, a channel's other
     * money, a difference an operator parked. Every open item in it has a case or a refund on its way;
     * it returns to zero as they are resolved (clearing; owner: channel).
     */
    SUSPENSE(Nature.CLEARING, Owner.CHANNEL);

    /** How an account's balance is read. */
    public enum Nature { ASSET, EXPENSE, LIABILITY, REVENUE, CLEARING }

    /** Whose account it is: what its owner column holds. */
    public enum Owner { CHANNEL, MERCHANT, PLATFORM }

    private final Nature nature;
    private final Owner owner;

    AccountType(Nature nature, Owner owner) {
        this.nature = nature;
        this.owner = owner;
    }

    public Nature nature() {
        return nature;
    }

    public Owner owner() {
        return owner;
    }
}
