package io.payrail.simulator.channel;

import java.util.Objects;

/**
 * What a channel decides about a new payment: take the money now, refuse it, or wait for the payer
 * (confirmation page, wallet).
 */
public record Decision(Kind kind, DeclineReason reason) {

    public enum Kind {
        APPROVE,
        DECLINE,
        AWAIT_PAYER
    }

    public Decision {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DECLINE) != (reason != null)) {
            throw new IllegalArgumentException("a reason comes with DECLINE and only with it");
        }
    }

    public static Decision approve() {
        return new Decision(Kind.APPROVE, null);
    }

    public static Decision decline(DeclineReason reason) {
        return new Decision(Kind.DECLINE, reason);
    }

    public static Decision awaitPayer() {
        return new Decision(Kind.AWAIT_PAYER, null);
    }
}
