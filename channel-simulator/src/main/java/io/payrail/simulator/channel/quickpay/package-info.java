/**
 * QUICKPAY (docs/quickpay.md): a card bound once by agreement through an SMS code, then paid with
 * the agreement id and a one-time code; flat messages signed by a {@code sign} field over their
 * sorted fields.
 */
package io.payrail.simulator.channel.quickpay;
