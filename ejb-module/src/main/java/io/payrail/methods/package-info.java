/**
 * A signed-in payer's saved payment methods (table payer_method): cards kept in the card vault and
 * quick-pay agreements bound at QUICKPAY. A payer is known by the id the accounts' sign-in puts in
 * the session; every operation here takes it and touches only that payer's methods, so one payer
 * can neither see nor use nor remove another's.
 */
package io.payrail.methods;
