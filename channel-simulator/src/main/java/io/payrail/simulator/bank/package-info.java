/**
 * What a simulated bank decides and remembers, in plain Java so it can be tested without a
 * container. {@link io.payrail.simulator.bank.Bank} takes a pay request through the failure plan
 * and the {@link io.payrail.simulator.bank.ChargeBook}; the book makes the decision once per
 * merchant reference (as a real acquirer dedupes on the merchant's reference) and writes every
 * request to its {@link io.payrail.simulator.bank.ChargeLog} before it answers. Refunds of an
 * approved payment are decided once per refund reference, never beyond the amount charged, and
 * journaled the same way. A reference that was not charged can be closed, which fences it against
 * any later pay request; closes are journaled too. SIMBANK and SIMBANK2 are two such banks.
 */
package io.payrail.simulator.bank;
