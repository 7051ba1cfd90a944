package io.payrail.simulator.bank;

import java.time.Instant;
import java.util.Objects;

/**
 * One pay request as written to the bank's log: every request is one entry, so replaying the log
 * rebuilds both the decisions and the request counts.
 *
 * @param result the decision, present exactly when {@code effect} is {@link Effect#DECIDED}
 */
public record BookEntry(Instant at, String merchantRef, Effect effect, PaymentResult result) implements LogEntry {

    public BookEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(effect, "effect");
        if ((effect == Effect.DECIDED) != (result != null)) {
            throw new IllegalArgumentException("a result comes with DECIDED and only with it");
        }
        if (result != null && !result.merchantRef().equals(merchantRef)) {
            throw new IllegalArgumentException("result belongs to " + result.merchantRef());
        }
    }

    public static BookEntry decided(Instant at, PaymentResult result) {
        return new BookEntry(at, result.merchantRef(), Effect.DECIDED, result);
    }

    public static BookEntry undecided(Instant at, String merchantRef, Effect effect) {
        return new BookEntry(at, merchantRef, effect, null);
    }
}
