/**
 * What the back office's pages read: merchants, payments with their transitions, notifications,
 * refunds and ledger postings, and the dashboard's aggregates. Read-only queries over the tables
 * the other areas own; every change goes through those areas' beans.
 */
package io.payrail.backoffice;
