/**
 * Batch jobs: a channel's day reconciled, the day's settlement drafts made, the day's payouts
 * sent, each run in the background in steps of one transaction that also record its progress,
 * and resumed after a crash from the last committed step by whichever server takes its lease.
 */
package io.payrail.batch;
