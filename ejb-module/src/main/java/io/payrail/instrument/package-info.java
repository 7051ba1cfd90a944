/**
 * What a payer pays with, as the platform holds it for the length of one request: a card (number,
 * expiry, CVV) or a quick-pay agreement with its one-time code. Nothing here is ever persisted,
 * queued or logged: every {@code toString} is redacted, and only the card vault keeps a card number,
 * encrypted. The checks a card must pass before it goes anywhere (Luhn, length per brand, expiry,
 * CVV form) live here too.
 */
package io.payrail.instrument;
