package io.payrail.simulator.bank;

/**
 * What the bank answers to a pay request, and when.
 *
 * @param result      the decision on the reference; null for {@link Effect#INJECTED_FAILURE}, and
 *                    for {@link Effect#ORDER_CLOSED} unless the reference was declined before it was closed
 * @param failStatus  the HTTP status of an injected failure, else 0
 * @param delayMillis how long to hold the answer back (latency, or a simulated timeout)
 */
public record BankAnswer(Effect effect, PaymentResult result, int failStatus, long delayMillis) {
}
