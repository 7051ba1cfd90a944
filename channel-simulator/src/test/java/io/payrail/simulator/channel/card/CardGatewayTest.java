package io.payrail.simulator.channel.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.CallbackMessage;
import io.payrail.simulator.channel.ChannelError;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.ChannelId;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.DeclineReason;
import io.payrail.simulator.channel.DeclineRule;
import io.payrail.simulator.channel.FaultKind;
import io.payrail.simulator.channel.FaultUpdate;
import io.payrail.simulator.channel.Fixture;
import io.payrail.simulator.channel.LedgerLog;
import io.payrail.simulator.channel.Money;
import io.payrail.simulator.channel.Operation;
import io.payrail.simulator.channel.OrderSnapshot;
import io.payrail.simulator.channel.OrderStatus;
import io.payrail.simulator.channel.RefRecord;
import io.payrail.simulator.channel.ScriptedTransport;
import io.payrail.simulator.channel.TestKeys;
import io.payrail.simulator.channel.Verification;
import io.payrail.simulator.channel.WireReply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardGatewayTest {

    private final Fixture<CardGateway> f = new Fixture<>(ChannelId.CARDGW, LedgerLog.NONE,
            ScriptedTransport.answering(204, ""), 0, CardGateway::new);
    private final CardGateway gw = f.channel;

    @ParameterizedTest
    @CsvSource({
            "4111111111111111, PAID,",
            "5555555555554444, PAID,",
            "4242424242424242, PAID,",
            "4000000000000051, DECLINED, INSUFFICIENT_FUNDS",
            "4000000000000002, DECLINED, DO_NOT_HONOR",
            "4000000000000069, DECLINED, EXPIRED_CARD",
            "4000000000000127, DECLINED, INCORRECT_CVV",
            "4000000000000085, DECLINED, LIMIT_EXCEEDED",
            "4000000000000101, DECLINED, RISK_REJECTED",
            "4000000000003204, PENDING,"})
    void theTestCardDecidesTheOutcome(String number, OrderStatus status, DeclineReason reason) {
        Answer<ChannelLedger.PayOutcome> answer = gw.pay(card("ord_1", 1000, number, "12/30"));

        assertThat(answer.value().order().status()).isEqualTo(status);
        assertThat(answer.value().order().declineReason()).isEqualTo(reason);
        assertThat(answer.value().order().cardLast4()).isEqualTo(number.substring(12));
    }

    @Test
    void anExpiredCardIsDeclinedWhateverItsNumber() {
        assertThat(gw.pay(card("ord_1", 1000, TestCards.APPROVED_VISA, "02/26")).value().order().declineReason())
                .isEqualTo(DeclineReason.EXPIRED_CARD);
        assertThat(gw.pay(card("ord_2", 1000, TestCards.APPROVED_VISA, "03/26")).value().order().status())
                .isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aBadCardIsRefusedBeforeAnythingIsRecorded() {
        assertInvalid(() -> card("ord_1", 1000, "4111111111111112", "12/30"), ChannelError.INVALID_CARD);
        assertInvalid(() -> card("ord_1", 1000, "41111111", "12/30"), ChannelError.INVALID_CARD);
        assertInvalid(() -> card("ord_1", 1000, TestCards.APPROVED_VISA, "13/30"), ChannelError.INVALID_REQUEST);
        assertInvalid(() -> new CardPayment("ord_1", new Money(1000, "USD"), "", TestCards.APPROVED_VISA, "12/30",
                "12", null), ChannelError.INVALID_REQUEST);
        assertInvalid(() -> card("bad ref", 1000, TestCards.APPROVED_VISA, "12/30"), ChannelError.INVALID_REQUEST);
        assertThat(f.ledger.totals().refs()).isZero();
    }

    @Test
    void aCardPaymentNeverShowsTheCardNumber() {
        assertThat(card("ord_1", 1000, TestCards.APPROVED_VISA, "12/30").toString())
                .doesNotContain(TestCards.APPROVED_VISA).contains("****1111");
    }

    @Test
    void aCardThatNeedsConfirmationIsPaidWhenThePayerApprovesAndCalledBackTwice() {
        ChannelLedger.PayOutcome pending = gw.pay(card("ord_1", 1000, TestCards.NEEDS_CONFIRMATION, "12/30")).value();
        Map<String, Object> fields = CardGateway.orderFields(f.ledger.find("ord_1").orElseThrow(),
                "http://sim/", false);
        assertThat(fields).containsEntry("status", "PENDING")
                .containsEntry("confirmUrl", "http://sim/pages/cardgw/" + pending.order().payerToken());

        gw.payerDecision(pending.order().payerToken(), true);
        f.advance(0);

        assertThat(f.ledger.record("ord_1")).extracting(RefRecord::charges, RefRecord::callbackEvents,
                RefRecord::callbacksAcknowledged).containsExactly(1L, 2L, 2L);
        assertThat(f.transport.bodies()).extracting(b -> b.contains("\"eventType\":\"PAYMENT.PENDING\""),
                b -> b.contains("\"eventType\":\"PAYMENT.PAID\"")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(true, false), org.assertj.core.groups.Tuple.tuple(false, true));
    }

    @Test
    void aDeclineRuleAppliesToADirectPaymentAndToAConfirmedOne() {
        f.faults.update(new FaultUpdate(null, null, List.of(new DeclineRule(DeclineReason.RISK_REJECTED, 50_000L,
                null, null, null, null, null))));

        assertThat(gw.pay(card("ord_1", 50_000, TestCards.APPROVED_VISA, "12/30")).value().order().declineReason())
                .isEqualTo(DeclineReason.RISK_REJECTED);
        String token = gw.pay(card("ord_2", 60_000, TestCards.NEEDS_CONFIRMATION, "12/30")).value().order()
                .payerToken();
        assertThat(gw.payerDecision(token, true).orElseThrow().order().declineReason())
                .isEqualTo(DeclineReason.RISK_REJECTED);
        assertThat(gw.pay(card("ord_3", 49_999, TestCards.APPROVED_VISA, "12/30")).value().order().status())
                .isEqualTo(OrderStatus.PAID);
    }

    @Test
    void anInjectedFailureChargesNothingButIsCounted() {
        f.faults.update(new FaultUpdate(null, Map.of(FaultKind.FAIL, new FaultUpdate.Change(503L, null, 1, null)),
                null));

        Answer<ChannelLedger.PayOutcome> failed = gw.pay(card("ord_1", 1000, TestCards.APPROVED_VISA, "12/30"));

        assertThat(failed.error().error()).isEqualTo(ChannelError.SERVICE_UNAVAILABLE);
        assertThat(failed.error().injected()).isTrue();
        assertThat(f.ledger.record("ord_1")).extracting(RefRecord::payRequests, RefRecord::charges, RefRecord::status)
                .containsExactly(1L, 0L, null);
        WireReply reply = gw.error(failed.error(), failed.delayMs());
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.headers()).isEmpty();
        assertThat(gw.pay(card("ord_1", 1000, TestCards.APPROVED_VISA, "12/30")).value().order().status())
                .isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aNon503InjectedFailureSaysTheOutcomeIsUnknown() {
        f.faults.update(new FaultUpdate(null, Map.of(FaultKind.FAIL, new FaultUpdate.Change(500L,
                Set.of(Operation.REFUND), 1, null)), null));
        gw.pay(card("ord_1", 1000, TestCards.APPROVED_VISA, "12/30"));

        Answer<ChannelLedger.RefundOutcome> failed = gw.refund(new io.payrail.simulator.channel.Channel.RefundRequest(
                "ord_1", null, "rf_1", new Money(100, "USD"), null));

        assertThat(failed.error().error()).isEqualTo(ChannelError.SYSTEM_ERROR);
        assertThat(failed.error().httpStatus()).isEqualTo(500);
        assertThat(f.ledger.record("ord_1")).extracting(RefRecord::refundRequests, RefRecord::refundsTaken)
                .containsExactly(1L, 0L);
    }

    @Test
    void aSimulatedTimeoutChargesAtOnceAndOnlyHoldsTheAnswer() {
        f.faults.update(new FaultUpdate(null, Map.of(FaultKind.TIMEOUT, new FaultUpdate.Change(30_000L, null, 1,
                null)), null));

        Answer<ChannelLedger.PayOutcome> slow = gw.pay(card("ord_1", 1000, TestCards.APPROVED_VISA, "12/30"));

        assertThat(slow.delayMs()).isEqualTo(30_000);
        assertThat(f.ledger.record("ord_1").charges()).isEqualTo(1);
        assertThat(gw.queryByRef("ord_1").value().order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(gw.queryByRef("ord_1").delayMs()).isZero();
    }

    @Test
    void paidAfterCloseTheCloseSucceedsAndThePaymentLandsWithItsCallback() {
        f.faults.update(new FaultUpdate(null, Map.of(FaultKind.PAID_AFTER_CLOSE, new FaultUpdate.Change(500L, null,
                null, Map.of("ord_1", 1))), null));
        gw.pay(card("ord_1", 1000, TestCards.NEEDS_CONFIRMATION, "12/30"));

        Answer<OrderSnapshot> closed = gw.close("ord_1");
        assertThat(closed.value().order().status()).isEqualTo(OrderStatus.CLOSED);
        f.advance(499);
        assertThat(gw.queryByRef("ord_1").value().order().status()).isEqualTo(OrderStatus.CLOSED);
        f.advance(1);

        assertThat(gw.queryByRef("ord_1").value().order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(f.ledger.record("ord_1")).extracting(RefRecord::charges, RefRecord::closeRequests)
                .containsExactly(1L, 1L);
        assertThat(f.transport.bodies().get(f.transport.bodies().size() - 1)).contains("\"status\":\"PAID\"");
    }

    @Test
    void queriesFindAnOrderByReferenceAndByTransactionId() {
        String transactionId = gw.pay(card("ord_1", 1000, TestCards.APPROVED_VISA, "12/30")).value().order()
                .transactionId();

        assertThat(gw.queryByTransaction(transactionId).value().order().merchantRef()).isEqualTo("ord_1");
        assertThat(gw.queryByRef("nope").error().error()).isEqualTo(ChannelError.ORDER_NOT_FOUND);
        assertThat(gw.queryByTransaction("cg_nope").error().error()).isEqualTo(ChannelError.ORDER_NOT_FOUND);
    }

    @Test
    void aRefundByTransactionIdMustNameTheSamePaymentAsItsReference() {
        String tx1 = gw.pay(card("ord_1", 1000, TestCards.APPROVED_VISA, "12/30")).value().order().transactionId();
        gw.pay(card("ord_2", 1000, TestCards.APPROVED_VISA, "12/30"));

        assertThat(gw.refund(new io.payrail.simulator.channel.Channel.RefundRequest(null, tx1, "rf_1",
                new Money(100, "USD"), null)).value().refund().merchantRef()).isEqualTo("ord_1");
        assertThat(gw.refund(new io.payrail.simulator.channel.Channel.RefundRequest("ord_2", tx1, "rf_2",
                new Money(100, "USD"), null)).error().error()).isEqualTo(ChannelError.ORDER_NOT_FOUND);
    }

    // ---------------------------------------------------------------- signatures

    @Test
    void withoutAPlatformKeyRequestsAreAcceptedUnsignedAndTheAnswerSaysSo() {
        assertThat(gw.verify("POST", "/sim/cardgw/v1/payments", null, new byte[0]))
                .isEqualTo(Verification.NOT_CHECKED);
    }

    @Test
    void withAPlatformKeyOnlyAFreshCorrectlySignedUnseenRequestPasses() {
        f.platformKey.set(TestKeys.PLATFORM_PUBLIC, "test");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        long now = f.clock.instant().getEpochSecond();
        String good = CardGwSignature.authorization(TestKeys.PLATFORM_PRIVATE, "POST", "/sim/cardgw/v1/payments", now,
                "n1", body);

        assertThat(gw.verify("POST", "/sim/cardgw/v1/payments", good, body)).isEqualTo(Verification.VERIFIED);
        assertSignatureRefused(() -> gw.verify("POST", "/sim/cardgw/v1/payments", good, body), "nonce");
        assertSignatureRefused(() -> gw.verify("POST", "/sim/cardgw/v1/payments", null, body), "Authorization");
        assertSignatureRefused(() -> gw.verify("POST", "/sim/cardgw/v1/refunds", CardGwSignature.authorization(
                TestKeys.PLATFORM_PRIVATE, "POST", "/sim/cardgw/v1/payments", now, "n2", body), body), "verify");
        assertSignatureRefused(() -> gw.verify("POST", "/sim/cardgw/v1/payments", CardGwSignature.authorization(
                TestKeys.CHANNEL_PRIVATE, "POST", "/sim/cardgw/v1/payments", now, "n3", body), body), "verify");
        assertSignatureRefused(() -> gw.verify("POST", "/sim/cardgw/v1/payments", CardGwSignature.authorization(
                TestKeys.PLATFORM_PRIVATE, "POST", "/sim/cardgw/v1/payments", now - 301, "n4", body), body), "skew");
    }

    @Test
    void answersAndCallbacksAreSignedWithTheChannelKey() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        WireReply reply = gw.signed(200, "application/json", body, 0);

        assertThat(CardGwSignature.verifyResponse(TestKeys.CHANNEL_PUBLIC,
                Long.parseLong(reply.headers().get(CardGwSignature.TIMESTAMP)), reply.headers().get(CardGwSignature.NONCE),
                body, reply.headers().get(CardGwSignature.SIGNATURE))).isTrue();
        assertThat(reply.headers()).containsEntry(CardGwSignature.SERIAL, TestKeys.CHANNEL.keyId());

        gw.pay(card("ord_1", 1000, TestCards.APPROVED_VISA, "12/30"));
        f.advance(0);
        CallbackMessage callback = f.transport.posts().get(0).message();
        assertThat(callback.contentType()).isEqualTo("application/json");
        assertThat(CardGwSignature.verifyResponse(TestKeys.CHANNEL_PUBLIC,
                Long.parseLong(callback.headers().get(CardGwSignature.TIMESTAMP)),
                callback.headers().get(CardGwSignature.NONCE), callback.body(),
                callback.headers().get(CardGwSignature.SIGNATURE))).isTrue();
        assertThat(callback.bodyText()).startsWith("{\"eventId\":\"cge_").contains("\"eventType\":\"PAYMENT.PAID\"",
                "\"seq\":1", "\"merchantRef\":\"ord_1\"", "\"amount\":1000");
    }

    @Test
    void aCallbackIsAcknowledgedBy200Or204Only() {
        assertThat(gw.isAcknowledgement(200, "")).isTrue();
        assertThat(gw.isAcknowledgement(204, null)).isTrue();
        assertThat(gw.isAcknowledgement(202, "")).isFalse();
        assertThat(gw.isAcknowledgement(500, "")).isFalse();
    }

    private static CardPayment card(String ref, long amount, String number, String expiry) {
        return new CardPayment(ref, new Money(amount, "USD"), "test", number, expiry, "123", "A Payer");
    }

    private static void assertInvalid(Runnable build, ChannelError error) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(ChannelException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }

    private static void assertSignatureRefused(Runnable verify, String why) {
        assertThatThrownBy(verify::run).isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.error()).isEqualTo(ChannelError.SIGNATURE_INVALID);
            assertThat(e.getMessage()).contains(why);
        });
    }
}
