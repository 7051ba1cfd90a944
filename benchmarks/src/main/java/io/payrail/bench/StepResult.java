package io.payrail.bench;

import java.util.Map;

/**
 * What one measured step of the bench found. "Payments" are the step's completed iterations: payments
 * that reached SUCCEEDED with their notification acknowledged, refunds that reached refund.succeeded,
 * or, in a plain-JDBC baseline step, committed transactions. Failed and unfinished ones are counted
 * apart and left out of the rate and the latencies.
 *
 * @param step           e.g. {@code closed-8}, {@code open}, {@code spread-32}, {@code jdbc-8}
 * @param clients        concurrent clients (connections for jdbc); 0 for the open loop
 * @param ratePerSecond  the open loop's arrival rate; NaN otherwise
 * @param seconds        the measured window (after the warm-up)
 * @param failed         iterations that ended otherwise (declined, closed, refund failed) or whose create failed
 * @param unfinished     iterations still waiting for their notification when the bench gave up on them
 * @param create         latency of the create call (jdbc: of a transaction)
 * @param endToEnd       from sending the create to acknowledging its terminal notification
 * @param perPayment     the server's status counters per payment
 * @param cpuMsPerPayment CPU milliseconds per payment of each process
 * @param backlog        the open loop's backlog samples; null otherwise
 * @param errors         error kinds and counts (see {@link LoadStats#errorsText()})
 */
record StepResult(String step, int clients, double ratePerSecond, double seconds, long payments, long failed,
                  long unfinished, Latencies.Summary create, Latencies.Summary endToEnd,
                  ServerCounters.PerPayment perPayment, Map<String, Double> cpuMsPerPayment, Backlog backlog,
                  String errors) {

    StepResult {
        cpuMsPerPayment = Map.copyOf(cpuMsPerPayment);
    }

    double perSecond() {
        return seconds > 0 ? payments / seconds : Double.NaN;
    }

    boolean isBaseline() {
        return step.startsWith(JdbcBaseline.STEP_PREFIX);
    }
}
