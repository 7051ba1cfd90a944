/**
 * Load for fault runs: a generator that acts like merchants (public API, merchant SDK, signed answers
 * verified), a notification receiver, and the counts benchmarks/fault-run.sh checks afterwards.
 */
package io.payrail.bench;
