/**
 * The channel simulator: a separate web application that plays the banks and wallets Payrail
 * talks to, so that the platform can be driven end to end (and broken on purpose) without a real
 * channel. It knows nothing of the platform; its only contract is {@code PROTOCOL.md} and the
 * channel guides in {@code docs/}.
 *
 * <p>Layout: {@code bank}, {@code fault} and {@code journal} are SIMBANK, the phase-1 bank, and
 * SIMBANK2, a second instance of it (what they decide, the failures they inject, how their books
 * survive a restart; {@code journal} also holds the JSON-lines file every channel writes).
 * {@code channel} is the core shared by CARDGW, QUICKPAY and WALLET, which live in its sub-packages; {@code crypto} holds keys and signatures, {@code page} the
 * payer's pages, and {@code web} the thin HTTP edge and container wiring.
 */
package io.payrail.simulator;
