package io.payrail.simulator.bank;

/**
 * What the bank answers to a transfer request, and when.
 *
 * @param effect      {@link Effect#DECIDED}, {@link Effect#DUPLICATE}, {@link Effect#REF_REUSED} or
 *                    {@link Effect#INJECTED_FAILURE}
 * @param result      the decision on the reference; null for an injected failure
 * @param failStatus  the HTTP status of an injected failure, else 0
 * @param delayMillis how long to hold the answer back (latency, or a simulated timeout)
 */
public record TransferAnswer(Effect effect, TransferResult result, int failStatus, long delayMillis) {
}
