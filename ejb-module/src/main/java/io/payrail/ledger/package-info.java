/**
 * The double-entry ledger. Every money movement is one {@link io.payrail.ledger.JournalEntry}
 * whose postings sum to zero, written in the same transaction as the state change that causes
 * it, and built by {@link io.payrail.ledger.PostingRules} (the one place that says which accounts
 * an event moves). Balances are derived from postings, never stored. Debits are positive, credits
 * negative.
 */
package io.payrail.ledger;
