/**
 * Load for fault runs and the benchmark: a generator that acts like merchants (public API, merchant
 * SDK, signed answers verified), a notification receiver, and the counts benchmarks/fault-run.sh
 * checks afterwards; and {@link io.payrail.bench.Bench} ({@code ./payrail bench}), which measures
 * throughput, latency and the cost per payment of a running stack beside a plain-JDBC baseline.
 */
package io.payrail.bench;
