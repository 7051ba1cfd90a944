package io.payrail.simulator.bank;

/**
 * What the bank answers to a refund request, and when.
 *
 * @param result      the decision on the refundRef; null for {@link Effect#INJECTED_FAILURE}
 * @param failStatus  the HTTP status of an injected failure, else 0
 * @param delayMillis how long to hold the answer back (latency, or a simulated timeout)
 */
public record RefundAnswer(Effect effect, RefundResult result, int failStatus, long delayMillis) {
}
