package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A waiting client meets its notification, whichever of the two comes first. */
class CompletionsTest {

    private final Completions completions = new Completions();

    @Test
    void aNotificationThatOvertakesTheCreatesAnswerIsNotLost() {
        completions.acknowledged("payment.succeeded", "pay_1", 42);

        CompletableFuture<Completions.Completion> waiting = completions.expect("pay_1");

        assertThat(waiting).isCompletedWithValue(new Completions.Completion("payment.succeeded", true, 42));
    }

    @Test
    void aFailedOrClosedPaymentEndsItsIterationAsNotDone() {
        CompletableFuture<Completions.Completion> declined = completions.expect("pay_2");
        CompletableFuture<Completions.Completion> closed = completions.expect("pay_3");

        completions.acknowledged("payment.failed", "pay_2", 1);
        completions.acknowledged("payment.closed", "pay_3", 2);

        assertThat(declined.join().succeeded()).isFalse();
        assertThat(closed.join().succeeded()).isFalse();
    }

    @Test
    void eventsThatEndNothingLeaveTheWaiterWaiting() {
        CompletableFuture<Completions.Completion> waiting = completions.expect("rfd_1");

        completions.acknowledged("payment.succeeded", "pay_other", 1);
        completions.acknowledged("something.else", "rfd_1", 1);

        assertThat(waiting).isNotDone();
        completions.acknowledged("refund.succeeded", "rfd_1", 7);
        assertThat(waiting.join()).isEqualTo(new Completions.Completion("refund.succeeded", true, 7));
    }

    @Test
    void forgettingLeavesNothingBehind() {
        completions.expect("pay_4");
        completions.forget("pay_4");

        assertThat(completions.pendingCount()).isZero();
    }
}
