package io.payrail.idempotency;

/** What to do with a request that carries an Idempotency-Key. */
public sealed interface IdempotencyDecision {

    /** First use of the key (or the earlier request was abandoned): run the request, then record its answer. */
    record Proceed() implements IdempotencyDecision {
    }

    /** The key's request finished: answer with what it answered. */
    record Replay(int status, String contentType, String body) implements IdempotencyDecision {
    }

    /** The key was used for a different request. */
    record Mismatch() implements IdempotencyDecision {
    }

    /** The key's first request is still running. */
    record InFlight() implements IdempotencyDecision {
    }
}
