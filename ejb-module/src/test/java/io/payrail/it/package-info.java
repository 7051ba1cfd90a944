/**
 * In-container tests: the payment server's beans on Payara Micro against the real MariaDB and
 * Artemis of the test profile, and the channel simulator over HTTP. The dispatch MDB is left out
 * of the test archive so that a test can watch the channel request queue itself.
 */
package io.payrail.it;
