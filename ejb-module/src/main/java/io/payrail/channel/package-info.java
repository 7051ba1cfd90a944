/**
 * Channels: the connector SPI ({@link io.payrail.channel.ChannelConnector}), the connectors that
 * speak to banks and wallets over HTTP, and the dispatch MDB that takes payments off the channel
 * request queue and records the channel's answer. Connectors return an
 * {@link io.payrail.channel.ChannelOutcome}; they do not throw for a bank's "no" or silence.
 */
package io.payrail.channel;
