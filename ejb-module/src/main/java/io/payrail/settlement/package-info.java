/**
 * Merchant settlement: what the platform owes a merchant for a settlement day, net of refunds and
 * fees, and the rule that decides which day a movement is settled on. The arithmetic here is pure;
 * the ledger books its result through {@link io.payrail.ledger.PostingRules}.
 */
package io.payrail.settlement;
