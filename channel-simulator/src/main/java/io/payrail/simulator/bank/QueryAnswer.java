package io.payrail.simulator.bank;

import java.util.Optional;

/**
 * What the bank answers to a status or refund query: what it knows, or an injected failure.
 *
 * @param found      the decision (or close) on the reference; empty when the bank has none, and
 *                   for an injected failure
 * @param failStatus the HTTP status of an injected failure, else 0
 */
public record QueryAnswer<T>(Optional<T> found, int failStatus) {

    static <T> QueryAnswer<T> failed(int status) {
        return new QueryAnswer<>(Optional.empty(), status);
    }

    static <T> QueryAnswer<T> of(Optional<T> found) {
        return new QueryAnswer<>(found, 0);
    }

    public boolean failed() {
        return failStatus != 0;
    }
}
