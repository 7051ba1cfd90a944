/**
 * The transactional outbox. A message that must follow a commit is written as an
 * {@link io.payrail.outbox.OutboxMessage} row in the same MySQL transaction as the state change;
 * after the commit it is published to Artemis at once, and a sweeper publishes whatever a crash
 * left behind. The outbox id travels as Artemis's duplicate-detection id, and every consumer is
 * idempotent, so a row published twice still has one effect. No XA is involved.
 */
package io.payrail.outbox;
