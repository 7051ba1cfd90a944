package io.payrail.simulator.bank;

import java.util.Objects;

/**
 * The bank's answer to a close request.
 *
 * @param decision the decision on the reference, if it had one: the approval for {@link CloseOutcome#PAID},
 *                 a decline or null otherwise (a close never follows an approval)
 */
public record CloseResult(String merchantRef, CloseOutcome outcome, PaymentResult decision) {

    public CloseResult {
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == CloseOutcome.PAID) != (decision != null && decision.charged())) {
            throw new IllegalArgumentException("PAID comes with an approval and only with it");
        }
    }

    /** Whether the reference is closed now (fenced): true unless it was charged. */
    public boolean closed() {
        return outcome != CloseOutcome.PAID;
    }
}
