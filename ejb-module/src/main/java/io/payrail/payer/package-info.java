/**
 * Payer accounts: register with an e-mail address or a phone number and a password (PBKDF2, like
 * staff), verified by a one-time code sent through the message gateway; sign-in with lock-out,
 * password change and reset by one-time code; API tokens for the payer API. Codes are random,
 * single-use, expire, are kept only as a slow hash and never logged. The web tier keeps the signed-in
 * payer in its session; the "my orders" queries are {@link io.payrail.order.application.PaymentOrderService}'s.
 */
package io.payrail.payer;
