/**
 * CARDGW, the bank-card gateway (docs/cardgw.md): card payments decided by test card numbers, some
 * needing the payer's confirmation page; signatures in HTTP headers over the raw body.
 */
package io.payrail.simulator.channel.card;
