/**
 * Channels' daily statements and reconciliation: a statement is read whole or refused whole
 * ({@link io.payrail.reconciliation.StatementParser}), kept raw with its checksum, and each money
 * movement it lists is imported once, whatever the number of times the file is fetched.
 */
package io.payrail.reconciliation;
