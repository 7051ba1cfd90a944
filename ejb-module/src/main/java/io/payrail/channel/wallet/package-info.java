/**
 * WALLET, the third-party wallet channel (channel-simulator/docs/wallet.md): the connector that
 * creates, queries and closes orders and refunds over WALLET's signed JSON API
 * ({@link io.payrail.channel.wallet.WalletConnector}), and the check and translation of its signed
 * notifications ({@link io.payrail.channel.wallet.WalletCallbacks}). Both sides of the signature, a
 * detached RS256 JWS in the {@code Wallet-Signature} header, live in {@code DetachedJws}.
 */
package io.payrail.channel.wallet;
