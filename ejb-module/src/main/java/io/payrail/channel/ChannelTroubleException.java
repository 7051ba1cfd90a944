package io.payrail.channel;

/**
 * A channel that could not be used (refused before processing) or did not answer reliably: what
 * a circuit breaker counts. Carries the outcome so that the router never loses an UNKNOWN.
 */
public class ChannelTroubleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ChannelOutcome outcome;

    public ChannelTroubleException(ChannelOutcome outcome) {
        super(outcome.status() + ": " + outcome.message());
        this.outcome = outcome;
    }

    public ChannelOutcome outcome() {
        return outcome;
    }

    /** Throws for UNAVAILABLE and UNKNOWN, so the breaker counts them; returns any other outcome. */
    static ChannelOutcome check(ChannelOutcome outcome) {
        if (outcome.status() == ChannelOutcome.Status.UNAVAILABLE || outcome.status() == ChannelOutcome.Status.UNKNOWN) {
            throw new ChannelTroubleException(outcome);
        }
        return outcome;
    }
}
