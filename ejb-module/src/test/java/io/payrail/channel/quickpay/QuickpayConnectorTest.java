package io.payrail.channel.quickpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelOutcome.Status;
import io.payrail.channel.ChannelPublicKey;
import io.payrail.channel.ExampleKeys;
import io.payrail.channel.quickpay.FakeQuickpay.Answer;
import io.payrail.channel.quickpay.FakeQuickpay.Signing;
import io.payrail.common.Money;
import io.payrail.instrument.CardDetails;
import io.payrail.instrument.QuickPayCode;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.refund.RefundSubmission;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outcome of QUICKPAY's answers (quickpay.md §3-§8) against a local QUICKPAY (FakeQuickpay). */
class QuickpayConnectorTest {

    static final Instant NOW = Instant.ofEpochSecond(1772359200L);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Money PRICE = Money.ofMinor(2500, "EUR");
    static final ChannelSubmission PAYMENT = new ChannelSubmission("ord_2001", "mch_1", PRICE, "Shoes",
            PaymentMethod.QUICK_PAY, null, "ord_2001", new QuickPayCode("qpa_1", "123456", "card ending 1111"));

    FakeQuickpay quickpay;
    QuickpayConnector connector;

    @BeforeEach
    void start() throws Exception {
        quickpay = new FakeQuickpay(NOW);
        connector = new QuickpayConnector(quickpay.baseUrl(), 2_000,
                data -> Base64.getEncoder().encodeToString(ExampleKeys.rsaSha256(ExampleKeys.PLATFORM_PRIVATE).apply(data)),
                ChannelPublicKey.of("QUICKPAY", ExampleKeys.CHANNEL_PUBLIC), CLOCK);
        connector.open();
    }

    @AfterEach
    void stop() {
        connector.disconnect();
        quickpay.close();
    }

    static Map<String, String> order(String ref, String status) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("code", "SUCCESS");
        f.put("merchantRef", ref);
        f.put("transactionId", "qp_4f2a");
        f.put("status", status);
        f.put("amount", "2500");
        f.put("currency", "EUR");
        f.put("agreementId", "qpa_1");
        return f;
    }

    static Map<String, String> error(String code) {
        return Map.of("code", code, "message", code.toLowerCase() + " happened");
    }

    @Test
    void aPaidPaymentIsSucceededWithTheMoneyTaken() {
        quickpay.answer("pay", 200, order("ord_2001", "PAID"));

        ChannelOutcome outcome = connector.pay(PAYMENT);

        assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(outcome.channelTxnId()).isEqualTo("qp_4f2a");
        assertThat(outcome.money()).isEqualTo(PRICE);
    }

    @Test
    void theRequestIsSignedWithThePlatformKeyOverItsSortedFields() throws Exception {
        quickpay.answer("pay", 200, order("ord_2001", "PAID"));

        connector.pay(PAYMENT);

        Map<String, String> sent = new LinkedHashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(quickpay.requests().get(0)))) {
            JsonObject body = reader.readObject();
            // quickpay.md §4.2: money is an integer, never a string (QUICKPAY refuses "2500" as INVALID_REQUEST)
            assertThat(body.get("amount").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
            body.forEach((k, v) -> sent.put(k, v instanceof JsonString text ? text.getString() : v.toString()));
        }
        assertThat(sent).containsEntry("merchantRef", "ord_2001").containsEntry("agreementId", "qpa_1")
                .containsEntry("otp", "123456").containsEntry("amount", "2500").containsEntry("currency", "EUR")
                .containsEntry("signType", "RSA2").containsEntry("timestamp", NOW.toString());
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(ExampleKeys.PLATFORM_PUBLIC);
        verifier.update(QuickpaySignature.text(sent));
        assertThat(verifier.verify(Base64.getDecoder().decode(sent.get("sign")))).isTrue();
    }

    @Test
    void aDeclinedPaymentIsDeclined() {
        Map<String, String> declined = order("ord_2001", "DECLINED");
        declined.put("declineCode", "INSUFFICIENT_FUNDS");
        quickpay.answer("pay", 200, declined);

        ChannelOutcome outcome = connector.pay(PAYMENT);

        assertThat(outcome.status()).isEqualTo(Status.DECLINED);
        assertThat(outcome.code()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @ParameterizedTest
    @EnumSource(value = Signing.class, names = {"UNSIGNED", "WRONG_KEY", "STALE"})
    void aPaidAnswerThatCannotBeTrustedIsUnknownNeverSucceeded(Signing signing) {
        quickpay.answer("pay", new Answer(200, order("ord_2001", "PAID"), signing));

        assertThat(connector.pay(PAYMENT).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anIdenticalSignedAnswerSeenTwiceIsACopy() {
        quickpay.answer("query", 200, order("ord_2001", "PAID"));
        quickpay.answer("query", 200, order("ord_2001", "PAID"));

        assertThat(connector.query("ord_2001").status()).isEqualTo(Status.SUCCEEDED);
        assertThat(connector.query("ord_2001").status()).as("same fields, same second: the same sign").isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aPaidAnswerForAnotherReferenceIsUnknown() {
        quickpay.answer("pay", 200, order("ord_9999", "PAID"));

        assertThat(connector.pay(PAYMENT).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aWrongCodeNamesNoReferenceSoItIsUnknownNotDeclined() {
        quickpay.answer("pay", 422, error("OTP_INVALID"));

        assertThat(connector.pay(PAYMENT).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aPaymentWithoutTheCodeIsNotSent() {
        ChannelSubmission platforms = new ChannelSubmission("ord_2001", "mch_1", PRICE, "Shoes", PaymentMethod.QUICK_PAY, null);

        assertThat(connector.accepts(platforms)).isFalse();
        assertThat(connector.pay(platforms).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(quickpay.requests()).isEmpty();
    }

    @Test
    void queryAndCloseReadTheOrder() {
        quickpay.answer("query", 404, error("ORDER_NOT_FOUND"));
        Map<String, String> closed = order("ord_2001", "CLOSED");
        quickpay.answer("close", 200, closed);

        assertThat(connector.query("ord_2001").status()).isEqualTo(Status.NOT_FOUND);
        assertThat(connector.close("ord_2001").status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void aRefundSucceedsWithTheMoneyGivenBack() {
        Map<String, String> refund = new LinkedHashMap<>();
        refund.put("code", "SUCCESS");
        refund.put("refundId", "qpr_1");
        refund.put("refundRef", "rf_1");
        refund.put("refundStatus", "SUCCEEDED");
        refund.put("amount", "1000");
        refund.put("currency", "EUR");
        quickpay.answer("refund", 200, refund);

        ChannelOutcome outcome = connector.refund(new RefundSubmission("rf_1", "ord_2001", "ord_2001",
                Money.ofMinor(1000, "EUR"), "QUICKPAY", 1));

        assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(outcome.money()).isEqualTo(Money.ofMinor(1000, "EUR"));
    }

    @Test
    void bindingSendsTheCardToQuickpayAndReadsItsAnswer() throws Exception {
        Map<String, String> bound = new LinkedHashMap<>();
        bound.put("code", "SUCCESS");
        bound.put("bindId", "qpb_1");
        bound.put("cardLast4", "1111");
        quickpay.answer("bind", 200, bound);
        quickpay.answer("bind/confirm", 422, error("OTP_INVALID"));

        QuickpayConnector.Answer answer = connector.bind("bind_1",
                CardDetails.of("4111111111111111", "12/30", "123", "A Payer", CLOCK), "13800138000");
        QuickpayConnector.Answer confirm = connector.confirmBind("qpb_1", "000000");

        assertThat(answer.ok()).isTrue();
        assertThat(answer.field("bindId")).isEqualTo("qpb_1");
        assertThat(quickpay.requests().get(0)).contains("\"cardNumber\":\"4111111111111111\"").doesNotContain("cvv");
        assertThat(confirm.ok()).isFalse();
        assertThat(confirm.code()).isEqualTo("OTP_INVALID");
    }
}
