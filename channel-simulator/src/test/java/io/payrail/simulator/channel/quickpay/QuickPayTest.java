package io.payrail.simulator.channel.quickpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.CallbackMessage;
import io.payrail.simulator.channel.ChannelError;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.ChannelId;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.DeclineReason;
import io.payrail.simulator.channel.FaultKind;
import io.payrail.simulator.channel.FaultUpdate;
import io.payrail.simulator.channel.Fixture;
import io.payrail.simulator.channel.LedgerLog;
import io.payrail.simulator.channel.Money;
import io.payrail.simulator.channel.OrderStatus;
import io.payrail.simulator.channel.PayAttempt;
import io.payrail.simulator.channel.RefRecord;
import io.payrail.simulator.channel.ScriptedTransport;
import io.payrail.simulator.channel.TestKeys;
import io.payrail.simulator.channel.Verification;
import io.payrail.simulator.channel.WireReply;
import io.payrail.simulator.channel.card.TestCards;
import io.payrail.simulator.journal.JsonLine;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QuickPayTest {

    private final AtomicInteger codes = new AtomicInteger(100_000);
    private final Fixture<QuickPay> f = new Fixture<>(ChannelId.QUICKPAY, LedgerLog.NONE,
            ScriptedTransport.answering(200, "success"), 0,
            c -> new QuickPay(c, () -> Integer.toString(codes.incrementAndGet())));
    private final QuickPay qp = f.channel;

    @Test
    void aCardIsBoundOnceByItsSmsCode() {
        Bind sent = qp.bind(bindRequest("b_1", TestCards.APPROVED_VISA)).value();
        assertThat(sent.status()).isEqualTo(BindStatus.OTP_SENT);
        assertThat(sent.phoneMasked()).isEqualTo("138****8000");
        assertThat(qp.latestCode(sent.bindId())).hasValueSatisfying(c -> {
            assertThat(c.purpose()).isEqualTo("BIND");
            assertThat(c.code()).isEqualTo("100001");
        });
        assertThat(qp.bind(bindRequest("b_1", TestCards.APPROVED_VISA)).value()).isEqualTo(sent);

        Bind bound = qp.confirmBind(sent.bindId(), "100001").value();

        assertThat(bound.status()).isEqualTo(BindStatus.BOUND);
        assertThat(bound.agreementId()).startsWith("qpa_");
        assertThat(qp.findAgreement(bound.agreementId())).hasValueSatisfying(a -> {
            assertThat(a.cardLast4()).isEqualTo("1111");
            assertThat(a.profile()).isEqualTo("APPROVE");
        });
        assertThat(qp.confirmBind(sent.bindId(), "999999").value()).isEqualTo(bound);
        assertThat(qp.latestCode(sent.bindId())).isEmpty();
    }

    @Test
    void threeWrongBindCodesFailTheBinding() {
        String bindId = qp.bind(bindRequest("b_1", TestCards.APPROVED_VISA)).value().bindId();

        ChannelException first = qp.confirmBind(bindId, "1").error();
        assertThat(first.error()).isEqualTo(ChannelError.OTP_INVALID);
        assertThat(first.details()).containsEntry("attemptsLeft", 2L);
        qp.confirmBind(bindId, "2");
        assertThat(qp.confirmBind(bindId, "3").error().error()).isEqualTo(ChannelError.BIND_FAILED);
        assertThat(qp.confirmBind(bindId, "100001").error().error()).isEqualTo(ChannelError.BIND_FAILED);
    }

    @Test
    void aBindCodeExpiresAfterFiveMinutes() {
        String bindId = qp.bind(bindRequest("b_1", TestCards.APPROVED_VISA)).value().bindId();
        f.clock.advanceMillis(QuickPay.CODE_VALIDITY.toMillis());

        assertThat(qp.confirmBind(bindId, "100001").error().error()).isEqualTo(ChannelError.OTP_EXPIRED);
    }

    @Test
    void aBindRequestIsCheckedAndNeverHoldsTheCardNumber() {
        assertThatThrownBy(() -> bindRequest("b_1", "4111111111111112")).isInstanceOfSatisfying(
                ChannelException.class, e -> assertThat(e.error()).isEqualTo(ChannelError.INVALID_CARD));
        assertThatThrownBy(() -> new QuickPay.BindRequest("b_1", TestCards.APPROVED_VISA, "12/30", null, "12"))
                .isInstanceOf(ChannelException.class);
        assertThat(bindRequest("b_1", TestCards.APPROVED_VISA).toString()).doesNotContain(TestCards.APPROVED_VISA);
        assertThat(qp.bind(new QuickPay.BindRequest("b_2", TestCards.APPROVED_VISA, "01/26", null, "13812348000"))
                .error().error()).isEqualTo(ChannelError.CARD_EXPIRED);
        assertThat(qp.bind(bindRequest("b_3", TestCards.APPROVED_VISA)).value().fields().values())
                .noneMatch(v -> v.toString().contains(TestCards.APPROVED_VISA));
        assertThat(qp.bind(bindRequest("b_3", TestCards.APPROVED_MASTERCARD)).error().error())
                .isEqualTo(ChannelError.MERCHANT_REF_REUSED);
    }

    @Test
    void aPaymentByAgreementNeedsTheCodeSentForItAndUsesItUp() {
        String agreement = bind(TestCards.APPROVED_VISA);
        Money money = new Money(2500, "EUR");
        QuickPay.PayCode sent = qp.sendPayCode(agreement, "ord_1", money).value();
        assertThat(sent.phoneMasked()).isEqualTo("138****8000");
        String code = qp.latestCode(agreement).orElseThrow().code();

        assertThat(qp.pay(payment("ord_1", agreement, "000000", 2500)).error().error())
                .isEqualTo(ChannelError.OTP_INVALID);
        assertThat(qp.pay(payment("ord_1", agreement, code, 2600)).error().error())
                .isEqualTo(ChannelError.OTP_INVALID);
        Answer<ChannelLedger.PayOutcome> paid = qp.pay(payment("ord_1", agreement, code, 2500));
        Answer<ChannelLedger.PayOutcome> retry = qp.pay(payment("ord_1", agreement, code, 2500));

        assertThat(paid.value().order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.value().order().agreementId()).isEqualTo(agreement);
        assertThat(retry.value().effect()).isEqualTo(ChannelLedger.PayEffect.DUPLICATE);
        assertThat(qp.latestCode(agreement)).isEmpty();
        assertThat(qp.pay(payment("ord_2", agreement, code, 2500)).error().error())
                .isEqualTo(ChannelError.OTP_INVALID);
        assertThat(f.ledger.record("ord_1")).extracting(RefRecord::payRequests, RefRecord::charges)
                .containsExactly(4L, 1L);
    }

    @Test
    void threeWrongPayCodesUseTheCodeUp() {
        String agreement = bind(TestCards.APPROVED_VISA);
        qp.sendPayCode(agreement, "ord_1", new Money(100, "EUR"));
        String code = qp.latestCode(agreement).orElseThrow().code();

        for (int i = 0; i < 3; i++) {
            qp.pay(payment("ord_1", agreement, "000000", 100));
        }

        assertThat(qp.pay(payment("ord_1", agreement, code, 100)).error().error()).isEqualTo(ChannelError.OTP_INVALID);
        assertThat(f.ledger.record("ord_1").charges()).isZero();
    }

    @Test
    void theBoundCardDecidesAtPayment() {
        String agreement = bind(TestCards.INSUFFICIENT_FUNDS);

        ChannelLedger.PayOutcome declined = pay("ord_1", agreement, 100);

        assertThat(declined.order().declineReason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
        assertThat(pay("ord_2", bind("b_c", TestCards.NEEDS_CONFIRMATION), 100).order().status())
                .isEqualTo(OrderStatus.PAID);
    }

    @Test
    void anUnknownAgreementIsRefusedAndCounted() {
        assertThat(qp.sendPayCode("qpa_nope", "ord_1", new Money(1, "EUR")).error().error())
                .isEqualTo(ChannelError.AGREEMENT_NOT_FOUND);
        assertThat(qp.pay(payment("ord_1", "qpa_nope", "123456", 1)).error().error())
                .isEqualTo(ChannelError.AGREEMENT_NOT_FOUND);
        assertThat(f.ledger.record("ord_1").payRequests()).isEqualTo(1);
    }

    @Test
    void paidAfterCloseALatePaymentOnAClosedReferenceLands() {
        String agreement = bind(TestCards.APPROVED_VISA);
        f.faults.update(new FaultUpdate(null, Map.of(FaultKind.PAID_AFTER_CLOSE, new FaultUpdate.Change(null, null,
                null, Map.of("ord_1", 1))), null));

        assertThat(qp.close("ord_1").value().order().status()).isEqualTo(OrderStatus.CLOSED);
        ChannelLedger.PayOutcome late = pay("ord_1", agreement, 500);

        assertThat(late.effect()).isEqualTo(ChannelLedger.PayEffect.LANDED);
        assertThat(qp.close("ord_2").value().order().status()).isEqualTo(OrderStatus.CLOSED);
        qp.sendPayCode(agreement, "ord_2", new Money(500, "EUR"));
        assertThat(qp.pay(payment("ord_2", agreement, qp.latestCode(agreement).orElseThrow().code(), 500)).error()
                .error()).isEqualTo(ChannelError.ORDER_CLOSED);
    }

    // ---------------------------------------------------------------- signatures and callbacks

    @Test
    void signedRequestsAreCheckedWhenThePlatformKeyIsKnown() {
        Map<String, String> fields = SortedParamsTest.payRequest();
        fields.put("timestamp", f.clock.instant().toString());
        fields.put("sign", SortedParams.sign(TestKeys.PLATFORM_PRIVATE, fields));
        fields.put("signType", "RSA2");

        assertThat(qp.verify(fields)).isEqualTo(Verification.NOT_CHECKED);
        f.platformKey.set(TestKeys.PLATFORM_PUBLIC, "test");
        assertThat(qp.verify(fields)).isEqualTo(Verification.VERIFIED);

        Map<String, String> tampered = new HashMap<>(fields);
        tampered.put("amount", "1");
        assertSignatureRefused(tampered, "does not verify");
        Map<String, String> unsigned = new HashMap<>(fields);
        unsigned.remove("sign");
        assertSignatureRefused(unsigned, "sign is required");
        f.clock.advanceMillis(301_000);
        assertSignatureRefused(fields, "skew");
    }

    @Test
    void answersCarryASignOverTheirOtherFields() {
        Map<String, Object> fields = new LinkedHashMap<>(QuickPay.success());
        fields.put("merchantRef", "ord_1");
        fields.put("amount", 2500L);
        fields.put("duplicate", false);

        WireReply reply = qp.signed(200, fields, 0);

        Map<String, Object> body = JsonLine.parse(reply.bodyText());
        assertThat(body).containsEntry("timestamp", "2026-03-01T10:00:00Z").containsEntry("signType", "RSA2");
        Map<String, String> texts = new HashMap<>();
        body.forEach((k, v) -> texts.put(k, String.valueOf(v)));
        assertThat(SortedParams.verify(TestKeys.CHANNEL_PUBLIC, texts)).isTrue();
    }

    @Test
    void callbacksAreSignedFormPostsAcknowledgedBySuccess() {
        String agreement = bind(TestCards.APPROVED_VISA);
        pay("ord_1", agreement, 2500);
        f.advance(0);

        CallbackMessage callback = f.transport.posts().get(0).message();
        assertThat(callback.contentType()).isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : callback.bodyText().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(form).containsEntry("notifyType", "PAYMENT").containsEntry("status", "PAID")
                .containsEntry("merchantRef", "ord_1").containsEntry("amount", "2500").containsEntry("seq", "1");
        assertThat(SortedParams.verify(TestKeys.CHANNEL_PUBLIC, form)).isTrue();
        assertThat(f.ledger.record("ord_1").callbacksAcknowledged()).isEqualTo(1);

        assertThat(qp.isAcknowledgement(200, "success")).isTrue();
        assertThat(qp.isAcknowledgement(200, " success\n")).isTrue();
        assertThat(qp.isAcknowledgement(200, "SUCCESS")).isFalse();
        assertThat(qp.isAcknowledgement(200, "")).isFalse();
        assertThat(qp.isAcknowledgement(204, "success")).isFalse();
    }

    @Test
    void aStatementFileIsSignedInAHeader() {
        byte[] csv = "a,b\n".getBytes(StandardCharsets.UTF_8);
        WireReply reply = qp.signedFile(csv, 0);

        assertThat(io.payrail.simulator.crypto.Rsa.verifyBase64(TestKeys.CHANNEL_PUBLIC, csv,
                reply.headers().get(QuickPay.FILE_SIGN))).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private String bind(String card) {
        return bind("b_" + card, card);
    }

    private String bind(String bindRef, String card) {
        Bind sent = qp.bind(bindRequest(bindRef, card)).value();
        return qp.confirmBind(sent.bindId(), qp.latestCode(sent.bindId()).orElseThrow().code()).value().agreementId();
    }

    private ChannelLedger.PayOutcome pay(String ref, String agreement, long amount) {
        qp.sendPayCode(agreement, ref, new Money(amount, "EUR"));
        return qp.pay(payment(ref, agreement, qp.latestCode(agreement).orElseThrow().code(), amount)).value();
    }

    private static QuickPay.BindRequest bindRequest(String bindRef, String card) {
        return new QuickPay.BindRequest(bindRef, card, "12/30", "A Payer", "13812348000");
    }

    private static QuickPay.Payment payment(String ref, String agreement, String code, long amount) {
        return new QuickPay.Payment(new PayAttempt(ref, new Money(amount, "EUR"), "Books", null, agreement), code);
    }

    private void assertSignatureRefused(Map<String, String> fields, String why) {
        assertThatThrownBy(() -> qp.verify(fields)).isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.error()).isEqualTo(ChannelError.SIGNATURE_INVALID);
            assertThat(e.getMessage()).contains(why);
        });
    }
}
