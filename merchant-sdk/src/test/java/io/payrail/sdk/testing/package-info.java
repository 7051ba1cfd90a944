/**
 * Test fixtures: RSA key pairs, self-signed certificates built with a few lines of DER (the JDK
 * has no public API for them), and {@link io.payrail.sdk.testing.FakePlatform}, an in-JVM HTTP
 * server that checks merchant signatures with its own code and signs its responses.
 */
package io.payrail.sdk.testing;
