/**
 * Refunds: partial or full, several per payment, never more in total than was captured (checked
 * under the payment's row lock, so concurrent refunds cannot both pass), idempotent by the
 * merchant's refund number, sent to the channel through the outbox like payments.
 */
package io.payrail.refund;
