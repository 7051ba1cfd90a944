package io.payrail.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A CASHIER order's attempts: references, going back to the payer, and what stops an attempt. */
class CashierAttemptTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static PaymentOrder order(PaymentMethod method) {
        return new PaymentOrder("pay_01", "M1", "o1", Money.ofMinor(100, "USD"), "s", method, "f",
                T.plusSeconds(1800), T);
    }

    @Test
    void everyAttemptGoesUnderItsOwnReferenceAndTheFirstUnderTheOrderId() {
        PaymentOrder order = order(PaymentMethod.CASHIER);
        assertThat(order.startPayerAttempt(PaymentMethod.BANK_CARD, "pyr_1", T)).isEqualTo(1);
        assertThat(order.channelRef()).isEqualTo("pay_01");
        assertThat(order.state()).isEqualTo(PaymentOrderState.PROCESSING);
        assertThat(order.routedMethod()).isEqualTo(PaymentMethod.BANK_CARD);
        order.assignChannel("CARDGW", T);

        order.returnToPayer(T.plusSeconds(1));
        assertThat(order.state()).isEqualTo(PaymentOrderState.CREATED);
        assertThat(order.channelId()).isNull();

        assertThat(order.startPayerAttempt(PaymentMethod.WALLET, null, T.plusSeconds(2))).isEqualTo(2);
        assertThat(order.channelRef()).isEqualTo("pay_01.2");
        assertThat(ChannelReferences.orderId(order.channelRef())).isEqualTo("pay_01");
        assertThat(order.payerId()).as("the latest attempt's payer (a guest)").isNull();
    }

    @Test
    void goingBackToThePayerForgetsTheChannelThePageAndAnyAttemptClose() {
        PaymentOrder order = order(PaymentMethod.CASHIER);
        order.startPayerAttempt(PaymentMethod.WALLET, null, T);
        order.assignChannel("WALLET", T);
        order.awaitPayer("wl_1", "http://wallet/page", T);
        order.scheduleCheck(T.plusSeconds(5), T);
        order.requestClose(PaymentOrder.PAYER_CLOSE, T);
        assertThat(order.isAttemptClose()).isTrue();

        order.returnToPayer(T.plusSeconds(1));
        assertThat(order.payUrl()).isNull();
        assertThat(order.nextCheckAt()).isNull();
        assertThat(order.isCloseRequested()).isFalse();
        assertThat(order.payableAtCashier(T.plusSeconds(2))).isTrue();
    }

    @Test
    void theMerchantsCloseOverridesThePayersCloseOfAnAttemptButNotTheOtherWayRound() {
        PaymentOrder order = order(PaymentMethod.CASHIER);
        order.startPayerAttempt(PaymentMethod.WALLET, null, T);
        order.assignChannel("WALLET", T);
        order.requestClose(PaymentOrder.PAYER_CLOSE, T);
        order.requestClose("API", T);
        assertThat(order.closeSource()).isEqualTo("API");
        order.requestClose(PaymentOrder.PAYER_CLOSE, T);
        assertThat(order.closeSource()).isEqualTo("API");
        assertThat(order.isAttemptClose()).isFalse();
    }

    @Test
    void anOrderTheMerchantRoutesNeverGoesBackToAPayer() {
        PaymentOrder order = order(PaymentMethod.BANK_CARD);
        order.startProcessing(T);
        assertThatThrownBy(() -> order.returnToPayer(T)).isInstanceOf(IllegalStateException.class);
        assertThat(order.payableAtCashier(T)).isFalse();
        assertThatThrownBy(() -> order(PaymentMethod.BANK_CARD).startPayerAttempt(PaymentMethod.BANK_CARD, null, T))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noAttemptStartsOnAnExpiredClosingHeldOrBusyOrderNorWithCashierAsTheMethod() {
        PaymentOrder expired = order(PaymentMethod.CASHIER);
        assertThat(expired.payableAtCashier(T.plusSeconds(1800))).isFalse();

        PaymentOrder busy = order(PaymentMethod.CASHIER);
        busy.startPayerAttempt(PaymentMethod.BANK_CARD, null, T);
        assertThat(busy.payableAtCashier(T)).as("an attempt is under way").isFalse();
        assertThatThrownBy(() -> busy.startPayerAttempt(PaymentMethod.WALLET, null, T))
                .isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> order(PaymentMethod.CASHIER).startPayerAttempt(PaymentMethod.CASHIER, null, T))
                .isInstanceOf(IllegalStateException.class);

        PaymentOrder closed = order(PaymentMethod.CASHIER);
        closed.transitionTo(PaymentOrderState.CLOSED, T);
        assertThat(closed.payableAtCashier(T)).isFalse();
    }

    @Test
    void everyOrderHasItsOwnUnguessableCashierToken() {
        String a = order(PaymentMethod.CASHIER).cashierToken();
        String b = order(PaymentMethod.BANK_CARD).cashierToken();
        assertThat(a).hasSize(32).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
    }

    @Test
    void aReferenceLeadsBackToItsOrder() {
        assertThat(ChannelReferences.of("pay_01", 1)).isEqualTo("pay_01");
        assertThat(ChannelReferences.of("pay_01", 12)).isEqualTo("pay_01.12");
        assertThat(ChannelReferences.orderId("pay_01.12")).isEqualTo("pay_01");
        assertThat(ChannelReferences.orderId("pay_01")).isEqualTo("pay_01");
        assertThatThrownBy(() -> ChannelReferences.of("pay_01", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
