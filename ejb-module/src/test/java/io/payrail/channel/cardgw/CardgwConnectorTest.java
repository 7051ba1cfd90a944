package io.payrail.channel.cardgw;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelOutcome.Status;
import io.payrail.channel.ChannelPublicKey;
import io.payrail.channel.ExampleKeys;
import io.payrail.channel.cardgw.FakeCardgw.Answer;
import io.payrail.channel.cardgw.FakeCardgw.Signing;
import io.payrail.common.Money;
import io.payrail.instrument.CardDetails;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.refund.RefundSubmission;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outcome of CARDGW's answers (cardgw.md §3-§7) against a local CARDGW (FakeCardgw). */
class CardgwConnectorTest {

    static final long NOW = 1772359200L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    static final String PAN = "4111111111111111";
    static final String CVV = "737";
    static final String TXN = "cg_8f14e45fceea167a5a36dedd4bea2543";
    static final Money COFFEE = Money.ofMinor(1000, "USD");
    static final CardDetails CARD = card();
    static final ChannelSubmission PAYMENT = new ChannelSubmission("ord_1001", "mch_1", COFFEE, "Coffee",
            PaymentMethod.BANK_CARD, null, "ord_1001", CARD);
    static final RefundSubmission REFUND = new RefundSubmission("rf_1", "ord_1001", "ord_1001",
            Money.ofMinor(400, "USD"), "CARDGW", 1);

    FakeCardgw cardgw;
    CardgwConnector connector;
    final List<String> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    final Logger log = Logger.getLogger(CardgwConnector.class.getName());

    static CardDetails card() {
        try {
            return CardDetails.of(PAN, "12/30", CVV, "A Payer", CLOCK);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void start() throws Exception {
        cardgw = new FakeCardgw(NOW);
        connector = new CardgwConnector(cardgw.baseUrl(), 2_000,
                data -> Base64.getEncoder().encodeToString(ExampleKeys.rsaSha256(ExampleKeys.PLATFORM_PRIVATE).apply(data)),
                ChannelPublicKey.of("CARDGW", ExampleKeys.CHANNEL_PUBLIC), CLOCK);
        connector.open();
        log.setLevel(Level.ALL);
        log.addHandler(capture);
    }

    @AfterEach
    void stop() {
        log.removeHandler(capture);
        log.setLevel(null);
        connector.disconnect();
        cardgw.close();
    }

    static String order(String ref, String status, String extra) {
        return "{\"transactionId\":\"" + TXN + "\",\"merchantRef\":\"" + ref + "\",\"status\":\"" + status
                + "\",\"amount\":1000,\"currency\":\"USD\",\"cardLast4\":\"1111\"" + extra
                + ",\"createdAt\":\"2026-03-01T10:00:00.120Z\",\"duplicate\":false}";
    }

    static String error(String code) {
        return "{\"error\":\"" + code + "\",\"message\":\"" + code.toLowerCase() + " happened\"}";
    }

    @Test
    void aPaidCardIsSucceededWithTheMoneyCardgwTook() {
        cardgw.answer("POST", "payments", 200, order("ord_1001", "PAID", ",\"paidAt\":\"2026-03-01T10:00:00.120Z\""));

        ChannelOutcome outcome = connector.pay(PAYMENT);

        assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(outcome.channelTxnId()).isEqualTo(TXN);
        assertThat(outcome.money()).isEqualTo(COFFEE);
    }

    @Test
    void theRequestCarriesTheCardAndIsSignedWithThePlatformKeyOverItsExactText() throws Exception {
        cardgw.answer("POST", "payments", 200, order("ord_1001", "PAID", ""));

        connector.pay(PAYMENT);

        FakeCardgw.Request request = cardgw.requests().get(0);
        assertThat(request.bodyText()).contains("\"merchantRef\":\"ord_1001\"", "\"amount\":1000",
                "\"number\":\"" + PAN + "\"", "\"expiry\":\"12/30\"", "\"cvv\":\"" + CVV + "\"", "\"description\":\"Coffee\"");
        Matcher header = Pattern.compile("CARDGW-RSA-SHA256 timestamp=\"(\\d+)\",nonce=\"([0-9a-f]{32})\",signature=\"([^\"]+)\"")
                .matcher(request.authorization());
        assertThat(header.matches()).as(request.authorization()).isTrue();
        assertThat(header.group(1)).isEqualTo(Long.toString(NOW));
        byte[] text = CardgwSignature.requestText("POST", "/sim/cardgw/v1/payments", NOW, header.group(2), request.body());
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(ExampleKeys.PLATFORM_PUBLIC);
        verifier.update(text);
        assertThat(verifier.verify(Base64.getDecoder().decode(header.group(3)))).isTrue();
    }

    @Test
    void aCardToConfirmIsPendingWithItsConfirmUrlForThePayer() {
        cardgw.answer("POST", "payments", 200,
                order("ord_1001", "PENDING", ",\"confirmUrl\":\"http://127.0.0.1:8290/sim/pages/cardgw/confirm/ab12\""));

        ChannelOutcome outcome = connector.pay(PAYMENT);

        assertThat(outcome.status()).isEqualTo(Status.PENDING);
        assertThat(outcome.payUrl()).isEqualTo("http://127.0.0.1:8290/sim/pages/cardgw/confirm/ab12");
    }

    @Test
    void aDeclinedCardIsDeclinedWithCardgwsCode() {
        cardgw.answer("POST", "payments", 200, order("ord_1001", "DECLINED",
                ",\"declineCode\":\"INSUFFICIENT_FUNDS\",\"declineMessage\":\"not enough money\""));

        ChannelOutcome outcome = connector.pay(PAYMENT);

        assertThat(outcome.status()).isEqualTo(Status.DECLINED);
        assertThat(outcome.code()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @ParameterizedTest
    @EnumSource(value = Signing.class, names = {"UNSIGNED", "WRONG_KEY", "STALE"})
    void aPaidAnswerThatCannotBeTrustedIsUnknownNeverSucceeded(Signing signing) {
        cardgw.answer("POST", "payments", new Answer(200, order("ord_1001", "PAID", ""), signing));

        assertThat(connector.pay(PAYMENT).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aCopyOfAnEarlierAnswerIsUnknown() {
        cardgw.answer("GET", "payments/by-ref/ord_1001", new Answer(200, order("ord_1001", "DECLINED", ""), Signing.REPEATED_NONCE));
        cardgw.answer("POST", "payments", new Answer(200, order("ord_1001", "PAID", ""), Signing.REPEATED_NONCE));

        assertThat(connector.query("ord_1001").status()).isEqualTo(Status.DECLINED);
        assertThat(connector.pay(PAYMENT).status()).as("the same nonce again").isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aPaidAnswerForAnotherReferenceIsUnknown() {
        cardgw.answer("POST", "payments", 200, order("ord_9999", "PAID", ""));

        assertThat(connector.pay(PAYMENT).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anErrorAnsweringAPaymentNamesNoReferenceSoItIsUnknownNotDeclined() {
        cardgw.answer("POST", "payments", 400, error("INVALID_CARD"));

        assertThat(connector.pay(PAYMENT).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void theFrontDoorsUnsignedOutageIsUnavailable() {
        cardgw.answer("POST", "payments", new Answer(503, error("SERVICE_UNAVAILABLE"), Signing.UNSIGNED));

        assertThat(connector.pay(PAYMENT).status()).isEqualTo(Status.UNAVAILABLE);
    }

    @Test
    void aPaymentWithoutTheCardIsNotSent() {
        ChannelSubmission platforms = new ChannelSubmission("ord_1001", "mch_1", COFFEE, "Coffee", PaymentMethod.BANK_CARD, null);

        assertThat(connector.accepts(platforms)).isFalse();
        assertThat(connector.accepts(PAYMENT)).isTrue();
        assertThat(connector.pay(platforms).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(cardgw.requests()).isEmpty();
    }

    @Test
    void withoutCardgwsKeyNothingIsSent() {
        CardgwConnector keyless = new CardgwConnector(cardgw.baseUrl(), 2_000, data -> "x",
                ChannelPublicKey.none("CARDGW", CardgwConnector.PUBLIC_KEY_CONFIG), CLOCK);
        keyless.open();
        try {
            assertThat(keyless.pay(PAYMENT).status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(cardgw.requests()).isEmpty();
        } finally {
            keyless.disconnect();
        }
    }

    @Test
    void queryAndCloseReadTheOrder() {
        cardgw.answer("GET", "payments/by-ref/ord_1001", 200, order("ord_1001", "PAID", ""));
        cardgw.answer("GET", "payments/by-ref/ord_1002", 404, error("ORDER_NOT_FOUND"));
        cardgw.answer("POST", "payments/by-ref/ord_1003/close", 200, order("ord_1003", "CLOSED", ""));

        assertThat(connector.query("ord_1001").money()).isEqualTo(COFFEE);
        assertThat(connector.query("ord_1002").status()).isEqualTo(Status.NOT_FOUND);
        assertThat(connector.close("ord_1003").status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void aRefundSucceedsWithTheMoneyGivenBackAndARefusalIsNeverTakenAsFailed() {
        String refund = "{\"refundId\":\"cgr_1\",\"refundRef\":\"rf_1\",\"merchantRef\":\"ord_1001\",\"status\":\"SUCCEEDED\","
                + "\"amount\":400,\"currency\":\"USD\"}";
        cardgw.answer("POST", "refunds", 200, refund);
        cardgw.answer("POST", "refunds", 409, error("REFUND_EXCEEDS_CAPTURED"));

        ChannelOutcome done = connector.refund(REFUND);
        assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(done.money()).isEqualTo(Money.ofMinor(400, "USD"));
        assertThat(connector.refund(REFUND).status()).isEqualTo(Status.UNKNOWN);
        assertThat(cardgw.requests().get(0).bodyText()).contains("\"merchantRef\":\"ord_1001\"", "\"refundRef\":\"rf_1\"");
    }

    @Test
    void theCardNeverReachesALogLineOrAnOutcome() {
        cardgw.answer("POST", "payments", 500, "{\"error\":\"SYSTEM_ERROR\",\"message\":\"boom\"}");
        cardgw.answer("POST", "payments", new Answer(200, order("ord_1001", "PAID", ""), Signing.WRONG_KEY));

        List<ChannelOutcome> outcomes = List.of(connector.pay(PAYMENT), connector.pay(PAYMENT));

        assertThat(logged).isNotEmpty();
        assertThat(String.join("\n", logged) + outcomes + PAYMENT).doesNotContain(PAN).doesNotContain("\"cvv\"")
                .doesNotContain(CVV);
        assertThat(new String(cardgw.requests().get(0).body(), StandardCharsets.UTF_8)).contains(PAN);
    }
}
