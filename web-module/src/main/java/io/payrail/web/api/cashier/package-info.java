/**
 * The cashier's JSON endpoint ({@code /api/cashier/{token}/...}), for a hosted-payment script or a
 * load generator instead of the Faces page: the same EJBs, the same rules. Authorised by the cashier
 * token of the order's {@code cashierUrl} alone (not signed by merchants: the payer's browser calls
 * it), HTTPS only like the rest of /api. Card data is read from the request, sent to the channel
 * inside it and forgotten; nothing of it is echoed, logged or stored.
 */
package io.payrail.web.api.cashier;
