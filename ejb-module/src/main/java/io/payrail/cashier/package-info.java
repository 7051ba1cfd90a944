/**
 * Payments the payer submits at the hosted cashier, with a card or a one-time code the platform may
 * never keep: submitted to the channel from the payer's own request, with the router's guarantees.
 */
package io.payrail.cashier;
