/**
 * The channel simulator: a separate web application that plays the banks and wallets Payrail
 * talks to, so that the platform can be driven end to end (and broken on purpose) without a real
 * channel. It knows nothing of the platform; its only contract is {@code PROTOCOL.md}.
 *
 * <p>Layout: {@code bank} holds what a simulated bank decides and remembers (plain Java),
 * {@code fault} the failures an operator asks it to inject, {@code journal} how its book
 * survives a restart, and {@code web} the thin HTTP edge and container wiring.
 */
package io.payrail.simulator;
