/**
 * The operator API ({@code /api/operator}, bearer token): merchants and their keys, named operators
 * (maker-checker), rate plans, channel statements, reconciliation, discrepancy cases, settlements,
 * batch jobs, balances and statistics. Resources only translate HTTP; the beans they call carry the
 * rules, so the back office can put its pages on the same beans.
 */
package io.payrail.web.api.operator;
