/**
 * The HTTP edge and the container wiring. Resources are thin: check the signature, read the JSON,
 * call the bank or channel, write the (signed) answer back after its delay.
 * {@link io.payrail.simulator.web.SimulatorRuntime} builds SIMBANK and
 * {@link io.payrail.simulator.web.ChannelRuntime} builds CARDGW, QUICKPAY and WALLET from
 * configuration (MicroProfile Config: system properties or environment) when the application starts.
 */
package io.payrail.simulator.web;
