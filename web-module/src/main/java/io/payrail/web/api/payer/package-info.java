/**
 * The payer API ({@code /api/payer/v1}): register and confirm with the one-time code, sign in for
 * a bearer token (or use the browser's payer session), list and search one's own orders and open
 * one with its attempts, refunds and history. Another payer's order is 404, like one that does not
 * exist. Errors are application/problem+json like the rest of /api.
 */
package io.payrail.web.api.payer;
