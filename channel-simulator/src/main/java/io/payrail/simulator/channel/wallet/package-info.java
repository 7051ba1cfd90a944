/**
 * WALLET (docs/wallet.md): orders the payer approves in the wallet (pay URL or QR code), results by
 * callback; JSON signed with a detached JWS in a header, each answer bound to the request it answers
 * (method, path and the request's {@code jti}).
 */
package io.payrail.simulator.channel.wallet;
