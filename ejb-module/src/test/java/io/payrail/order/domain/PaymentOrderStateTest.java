package io.payrail.order.domain;

import static io.payrail.order.domain.PaymentOrderState.CLOSED;
import static io.payrail.order.domain.PaymentOrderState.CREATED;
import static io.payrail.order.domain.PaymentOrderState.FAILED;
import static io.payrail.order.domain.PaymentOrderState.PARTIALLY_REFUNDED;
import static io.payrail.order.domain.PaymentOrderState.PROCESSING;
import static io.payrail.order.domain.PaymentOrderState.REFUNDED;
import static io.payrail.order.domain.PaymentOrderState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of states, legal or not, against the lifecycle in docs/api.md ("Payment states"). */
class PaymentOrderStateTest {

    /** The lifecycle written out independently of the enum, so a change to either shows up here. */
    private static final Set<List<PaymentOrderState>> LEGAL = Set.of(
            List.of(CREATED, PROCESSING), List.of(CREATED, CLOSED),
            List.of(PROCESSING, SUCCEEDED), List.of(PROCESSING, FAILED), List.of(PROCESSING, CLOSED),
            // a CASHIER order's attempt that did not go through: the payer tries again
            List.of(PROCESSING, CREATED),
            List.of(SUCCEEDED, PARTIALLY_REFUNDED), List.of(SUCCEEDED, REFUNDED),
            List.of(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED), List.of(PARTIALLY_REFUNDED, REFUNDED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (PaymentOrderState from : PaymentOrderState.values()) {
            for (PaymentOrderState to : PaymentOrderState.values()) {
                pairs.add(Arguments.of(from, to, LEGAL.contains(List.of(from, to))));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} legal={2}")
    @MethodSource("everyPair")
    void stateMachineAllowsExactlyTheDesignedTransitions(PaymentOrderState from, PaymentOrderState to, boolean legal) {
        assertThat(from.canTransitionTo(to)).isEqualTo(legal);
    }

    @ParameterizedTest(name = "{0} -> {1} legal={2}")
    @MethodSource("everyPair")
    void anOrderEnforcesTheStateMachine(PaymentOrderState from, PaymentOrderState to, boolean legal) {
        PaymentOrder order = orderIn(from);
        long before = order.updatedAt().toEpochMilli();
        Instant later = Instant.ofEpochMilli(before + 1000);
        if (legal) {
            assertThat(order.transitionTo(to, later)).isEqualTo(from);
            assertThat(order.state()).isEqualTo(to);
            assertThat(order.updatedAt()).isEqualTo(later);
        } else {
            assertThatThrownBy(() -> order.transitionTo(to, later))
                    .isInstanceOf(IllegalStateTransitionException.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(to.name());
            assertThat(order.state()).isEqualTo(from);
            assertThat(order.updatedAt().toEpochMilli()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("everyPair")
    void finalStatesHaveNoWayOut(PaymentOrderState from, PaymentOrderState to, boolean legal) {
        if (from == FAILED || from == CLOSED || from == REFUNDED) {
            assertThat(from.isFinal()).isTrue();
            assertThat(legal).isFalse();
        } else {
            assertThat(from.isFinal()).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void finishedAtIsSetWhenTheOutcomeIsKnownAndNeverMoves() {
        PaymentOrder order = orderIn(CREATED);
        assertThat(order.finishedAt()).isNull();
        order.startProcessing(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(order.finishedAt()).isNull();
        order.succeed("txn", Instant.parse("2026-01-01T00:00:02Z"));
        assertThat(order.finishedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
        order.transitionTo(PARTIALLY_REFUNDED, Instant.parse("2026-01-01T00:00:03Z"));
        assertThat(order.finishedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
    }

    @org.junit.jupiter.api.Test
    void oneChannelHoldsAnOrderUntilReleasedAndNoneIsGivenItOnceAClosedBegan() {
        PaymentOrder order = orderIn(PROCESSING);
        Instant t = Instant.parse("2026-01-01T00:00:05Z");
        int first = order.assignChannel("SIMBANK", t);
        assertThat(first).isPositive();
        assertThat(order.assignChannel("SIMBANK", t)).as("a second dispatch does not get it either").isZero();
        assertThat(order.assignChannel("SIMBANK2", t)).isZero();
        assertThat(order.channelId()).isEqualTo("SIMBANK");
        assertThat(order.releaseChannel("SIMBANK", first, t)).isTrue();
        int second = order.assignChannel("SIMBANK2", t);
        assertThat(second).isGreaterThan(first);
        assertThat(order.channelId()).isEqualTo("SIMBANK2");

        order.requestClose("API", t);
        assertThat(order.releaseChannel("SIMBANK2", second, t)).isTrue();
        assertThat(order.assignChannel("SIMBANK", t)).as("the close fence").isZero();
        assertThat(order.channelId()).isNull();
        assertThat(order.closeSource()).isEqualTo("API");
    }

    /**
     * Finding: a dispatch that got "unavailable" from channel A released A while a concurrent dispatch
     * (a redelivery) was re-asking A, then paid at B: charged twice. The re-ask takes a new attempt,
     * so the older dispatch can no longer release A.
     */
    @org.junit.jupiter.api.Test
    void aDispatchCannotGiveUpAChannelThatALaterDispatchAskedAgain() {
        PaymentOrder order = orderIn(PROCESSING);
        Instant t = Instant.parse("2026-01-01T00:00:05Z");
        int older = order.assignChannel("SIMBANK", t);
        int resent = order.resendTo("SIMBANK", t);
        assertThat(resent).isGreaterThan(older);
        assertThat(order.releaseChannel("SIMBANK", older, t)).as("the older dispatch's release").isFalse();
        assertThat(order.channelId()).isEqualTo("SIMBANK");
        assertThat(order.assignChannel("SIMBANK2", t)).as("so nobody fails over").isZero();
        assertThat(order.releaseChannel("SIMBANK", resent, t)).as("the latest dispatch may still release it").isTrue();
        assertThat(order.resendTo("SIMBANK", t)).as("a channel that no longer holds the order is not asked").isZero();
    }

    @org.junit.jupiter.api.Test
    void anOrderHeldForAnOperatorGoesToNoChannelAndIsNotChecked() {
        PaymentOrder order = orderIn(PROCESSING);
        Instant t = Instant.parse("2026-01-01T00:00:05Z");
        order.assignChannel("SIMBANK", t);
        order.scheduleCheck(t.plusSeconds(5), t);
        order.hold("SIMBANK reported 50 USD for an order of 1.00 USD", t);
        assertThat(order.isHeld()).isTrue();
        assertThat(order.nextCheckAt()).isNull();
        assertThat(order.resendTo("SIMBANK", t)).isZero();
        assertThat(order.releaseChannel("SIMBANK", order.channelAttempt(), t)).isTrue();
        assertThat(order.assignChannel("SIMBANK2", t)).isZero();
    }

    /** Finding: an unpaid order was closed at the next scheduled check after its expiry, not at it. */
    @org.junit.jupiter.api.Test
    void aCheckIsNeverScheduledPastTheExpiryOfAnUnpaidOrder() {
        PaymentOrder order = orderIn(PROCESSING);
        Instant expiry = order.expiresAt();
        Instant t = expiry.minusSeconds(15);
        order.scheduleCheck(t.plusSeconds(60), t);
        assertThat(order.nextCheckAt()).isEqualTo(expiry);
        order.scheduleCheck(t.plusSeconds(5), t);
        assertThat(order.nextCheckAt()).as("an earlier check stays as scheduled").isEqualTo(t.plusSeconds(5));
        order.checkNoLaterThan(t.plusSeconds(60), t);
        assertThat(order.nextCheckAt()).as("the safety net too").isEqualTo(expiry);
        Instant late = expiry.plusSeconds(10);
        order.scheduleCheck(late.plusSeconds(30), late);
        assertThat(order.nextCheckAt()).as("past the expiry (a close being retried) the schedule rules")
                .isEqualTo(late.plusSeconds(30));
    }

    @org.junit.jupiter.api.Test
    void aPendingReportWithoutAPageKeepsThePage() {
        PaymentOrder order = orderIn(PROCESSING);
        Instant t = Instant.parse("2026-01-01T00:00:05Z");
        order.awaitPayer("wl_1", "http://pay", t);
        order.awaitPayer(null, null, t);
        assertThat(order.payUrl()).isEqualTo("http://pay");
    }

    @org.junit.jupiter.api.Test
    void aSettledOutcomeEndsChecksAndForgetsThePayersPage() {
        PaymentOrder order = orderIn(PROCESSING);
        Instant t = Instant.parse("2026-01-01T00:00:05Z");
        order.awaitPayer("wl_1", "http://pay", t);
        order.scheduleCheck(t.plusSeconds(5), t);
        assertThat(order.payUrl()).isEqualTo("http://pay");
        assertThat(order.checkAttempts()).isEqualTo(1);
        order.succeed("wl_1", t.plusSeconds(6));
        assertThat(order.nextCheckAt()).isNull();
        assertThat(order.payUrl()).isNull();
        assertThat(order.isExpired(t.plusSeconds(1800))).isTrue();
        assertThat(order.isExpired(t)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void anOrderNeedsAPositiveAmount() {
        assertThatThrownBy(() -> new PaymentOrder("pay_1", "M1", "o1", Money.ofMinor(0, "USD"), "s",
                PaymentMethod.BANK_CARD, "f", Instant.MAX, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentOrder("pay_1", "M1", "o1", Money.ofMinor(-1, "USD"), "s",
                PaymentMethod.BANK_CARD, "f", Instant.MAX, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An order brought to {@code state} along legal transitions only. */
    private static PaymentOrder orderIn(PaymentOrderState state) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        PaymentOrder order = new PaymentOrder("pay_1", "M1", "o1", Money.ofMinor(100, "USD"), "s",
                PaymentMethod.BANK_CARD, "f", t.plusSeconds(1800), t);
        switch (state) {
            case CREATED -> { }
            case PROCESSING -> order.startProcessing(t);
            case SUCCEEDED -> { order.startProcessing(t); order.succeed("txn", t); }
            case FAILED -> { order.startProcessing(t); order.fail("txn", "DECLINED", "no", t); }
            case CLOSED -> order.transitionTo(CLOSED, t);
            case PARTIALLY_REFUNDED -> { order.startProcessing(t); order.succeed("txn", t);
                order.transitionTo(PARTIALLY_REFUNDED, t); }
            case REFUNDED -> { order.startProcessing(t); order.succeed("txn", t);
                order.transitionTo(REFUNDED, t); }
        }
        assertThat(order.state()).isEqualTo(state);
        return order;
    }
}
