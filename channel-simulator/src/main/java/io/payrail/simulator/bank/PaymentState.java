package io.payrail.simulator.bank;

import java.util.Objects;

/**
 * What the bank's status query says about a reference that it knows: its decision, whether it is
 * closed, or both (a declined reference that was closed afterwards).
 *
 * @param decision the decision, or null when the reference was closed before any was made
 * @param closed   whether the reference is fenced: no pay request can charge it any more
 */
public record PaymentState(String merchantRef, PaymentResult decision, boolean closed) {

    public PaymentState {
        Objects.requireNonNull(merchantRef, "merchantRef");
        if (decision == null && !closed) {
            throw new IllegalArgumentException("a reference without a decision is known only when closed");
        }
        if (decision != null && closed && decision.charged()) {
            throw new IllegalArgumentException("a charged reference cannot be closed");
        }
    }
}
