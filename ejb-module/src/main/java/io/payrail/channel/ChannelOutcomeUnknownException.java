package io.payrail.channel;

import jakarta.ejb.ApplicationException;

/**
 * The channel gave no final answer (timeout, 5xx, pending). Thrown out of the dispatch MDB so the
 * broker redelivers the request after its backoff; the order stays PROCESSING meanwhile, and the
 * channel dedupes the repeated request by order id. After the broker's last attempt the request
 * rests in the dead-letter queue for an operator.
 */
@ApplicationException(rollback = true)
public class ChannelOutcomeUnknownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChannelOutcomeUnknownException(String orderId, ChannelOutcome outcome) {
        super("order " + orderId + ": channel outcome " + outcome.status() + " (" + outcome.message() + ")");
    }
}
