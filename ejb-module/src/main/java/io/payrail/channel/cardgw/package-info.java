/**
 * CARDGW, the bank-card gateway (channel-simulator/docs/cardgw.md): card payments with the payer's
 * confirmation step, signed requests and answers (HTTP headers), signed callbacks, query, close,
 * refunds and the signed daily statement. It needs the payer's card, so it only takes payments the
 * payer submits at the cashier.
 */
package io.payrail.channel.cardgw;
