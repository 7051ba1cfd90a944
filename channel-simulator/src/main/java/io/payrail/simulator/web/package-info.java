/**
 * The HTTP edge and the container wiring. Resources are thin: read the JSON, call the
 * {@link io.payrail.simulator.bank.Bank}, write the JSON back. {@link
 * io.payrail.simulator.web.SimulatorRuntime} builds the banks from configuration (MicroProfile
 * Config: system properties or environment) when the application starts.
 */
package io.payrail.simulator.web;
