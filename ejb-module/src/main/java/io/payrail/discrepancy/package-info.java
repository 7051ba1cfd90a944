/**
 * Discrepancies: where a channel's word does not agree with the platform's books (a capture or
 * refund of other money than was asked). Each is raised once, with the money on both sides, for an
 * operator; the money the channel reported sits in suspense meanwhile. Reconciliation and the back
 * office build on these records.
 */
package io.payrail.discrepancy;
