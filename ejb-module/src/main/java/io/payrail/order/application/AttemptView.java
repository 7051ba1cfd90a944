package io.payrail.order.application;

import io.payrail.order.domain.PaymentAttempt;
import io.payrail.order.domain.PaymentMethod;
import java.time.Instant;

/** One cashier attempt as the payer's history and support see it (never a card number). */
public record AttemptView(int attemptNo, PaymentMethod payerMethod, String channelId, String channelRef,
                          String instrument, PaymentAttempt.State state, String failureCode, String failureMessage,
                          Instant createdAt, Instant finishedAt) {

    static AttemptView of(PaymentAttempt a) {
        return new AttemptView(a.attemptNo(), a.payerMethod(), a.channelId(), a.channelRef(), a.instrument(),
                a.state(), a.failureCode(), a.failureMessage(), a.createdAt(), a.finishedAt());
    }
}
