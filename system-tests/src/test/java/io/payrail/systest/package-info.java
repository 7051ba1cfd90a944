/**
 * System tests: the packaged payrail.ear on Payara Server with the channel simulator, MariaDB and
 * Artemis of the test profile, driven over HTTPS like a merchant would. They verify the server's
 * TLS certificate, ask the simulator what it charged, and read MySQL to see what was stored.
 */
package io.payrail.systest;
