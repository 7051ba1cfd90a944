/**
 * What CARDGW, QUICKPAY and WALLET share, in plain Java so it is tested without a container: the
 * {@link io.payrail.simulator.channel.Channel} abstraction and its common operations (query, close,
 * refund, statement, the payer's decision); the {@link io.payrail.simulator.channel.ChannelLedger}
 * (orders, refunds, callback events and request counts per merchant reference, each change decided
 * under the reference's lock and journaled before it takes effect); the
 * {@link io.payrail.simulator.channel.FaultPlan} (failures to inject, used up atomically); and the
 * {@link io.payrail.simulator.channel.CallbackDispatcher} (signed callbacks retried until
 * acknowledged, lost, duplicated or reordered on demand). The three channels are subclasses in the
 * sub-packages, each adding its way to pay and its wire protocol.
 */
package io.payrail.simulator.channel;
