/**
 * Statistics for the back office and the operator API: per UTC day, merchant, channel, method and
 * currency, how many payments, how many paid and failed, the volume paid, refunds and fee revenue,
 * from one query service over the orders and refunds themselves (no counters to drift).
 */
package io.payrail.statistics;
