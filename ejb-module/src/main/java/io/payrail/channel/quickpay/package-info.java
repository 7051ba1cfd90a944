/**
 * QUICKPAY (channel-simulator/docs/quickpay.md): a payer binds a card once by agreement (confirmed
 * with a one-time code QUICKPAY texts them), then pays with the agreement and a one-time code per
 * payment. Flat JSON messages carrying their own signature over their sorted fields; signed form
 * callbacks; query, close, refunds and the signed daily statement. It needs the payer's code, so it
 * only takes payments the payer submits at the cashier.
 */
package io.payrail.channel.quickpay;
