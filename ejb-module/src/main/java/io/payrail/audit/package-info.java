/**
 * The audit trail: every state transition of an order or refund, with where it came from (API,
 * channel response, callback, query, expiry, reconciliation, operator), written in the same
 * transaction as the transition itself.
 */
package io.payrail.audit;
