package io.payrail.simulator.channel.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.payrail.simulator.channel.CallbackMessage;
import io.payrail.simulator.channel.Channel;
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
import io.payrail.simulator.channel.OrderStatus;
import io.payrail.simulator.channel.PayAttempt;
import io.payrail.simulator.channel.RefRecord;
import io.payrail.simulator.channel.RefundStatus;
import io.payrail.simulator.channel.ScriptedTransport;
import io.payrail.simulator.channel.TestKeys;
import io.payrail.simulator.channel.Verification;
import io.payrail.simulator.channel.Wire;
import io.payrail.simulator.channel.WireReply;
import io.payrail.simulator.fault.MoneyOverride;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalletTest {

    private final Fixture<Wallet> f = new Fixture<>(ChannelId.WALLET, LedgerLog.NONE,
            ScriptedTransport.answering(200, "{\"code\":\"SUCCESS\"}"), 1_000, Wallet::new);
    private final Wallet wallet = f.channel;

    @Test
    void anOrderWaitsForThePayerWithAPayUrlAndAQrCode() {
        ChannelLedger.PayOutcome created = wallet.createOrder(order("ord_1", 1999)).value();

        Map<String, Object> fields = Wallet.orderFields(f.ledger.find("ord_1").orElseThrow(), "http://sim/", false);

        String token = created.order().payerToken();
        assertThat(fields).containsEntry("status", "PENDING").containsEntry("orderId", created.order().transactionId())
                .containsEntry("payUrl", "http://sim/pages/wallet/" + token)
                .containsEntry("qrCode", "simwallet://pay/" + token);
        assertThat(f.ledger.record("ord_1").charges()).isZero();
    }

    @Test
    void theResultArrivesByCallbackAfterThePayerDecides() {
        String paid = wallet.createOrder(order("ord_1", 1999)).value().order().payerToken();
        String declined = wallet.createOrder(order("ord_2", 500)).value().order().payerToken();

        wallet.payerDecision(paid, true);
        wallet.payerDecision(declined, false);
        f.advance(0);

        assertThat(f.transport.bodies()).hasSize(4).anySatisfy(b -> assertThat(b).contains("\"merchantRef\":\"ord_1\"",
                "\"status\":\"PAID\"", "\"type\":\"ORDER\"")).anySatisfy(b -> assertThat(b).contains(
                "\"merchantRef\":\"ord_2\"", "\"status\":\"DECLINED\"", "\"declineCode\":\"PAYER_DECLINED\""));
        assertThat(f.ledger.totals().charges()).isEqualTo(1);
        assertThat(f.ledger.totals().callbacksAcknowledged()).isEqualTo(4);
    }

    @Test
    void aDeclineRuleAppliesWhenThePayerApproves() {
        f.faults.update(new FaultUpdate(null, null, List.of(new DeclineRule(DeclineReason.INSUFFICIENT_FUNDS, null,
                null, null, "CNY", null, 1))));
        String token = wallet.createOrder(order("ord_1", 1999)).value().order().payerToken();

        assertThat(wallet.payerDecision(token, true).orElseThrow().order().declineReason())
                .isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void refundsAreAcceptedAsProcessingAndCompleteWithACallback() {
        String token = wallet.createOrder(order("ord_1", 1999)).value().order().payerToken();
        wallet.payerDecision(token, true);

        ChannelLedger.RefundOutcome accepted = wallet.refund(new Channel.RefundRequest("ord_1", null, "rf_1",
                new Money(999, "CNY"), "damaged")).value();
        assertThat(accepted.refund().status()).isEqualTo(RefundStatus.PROCESSING);
        f.advance(999);
        assertThat(wallet.queryRefund("rf_1").value().status()).isEqualTo(RefundStatus.PROCESSING);
        f.advance(1);

        assertThat(wallet.queryRefund("rf_1").value().status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(f.transport.bodies().get(f.transport.bodies().size() - 1)).contains("\"type\":\"REFUND\"",
                "\"status\":\"SUCCEEDED\"", "\"refundRef\":\"rf_1\"", "\"refundAmount\":999");
        assertThat(f.ledger.record("ord_1")).extracting(RefRecord::refundsTaken, RefRecord::refundedAmount)
                .containsExactly(1L, 999L);
    }

    @Test
    void aClosedOrderCannotBePaidByThePayerUnlessPaidAfterCloseIsArmed() {
        String closed = wallet.createOrder(order("ord_1", 100)).value().order().payerToken();
        String leaky = wallet.createOrder(order("ord_2", 100)).value().order().payerToken();
        f.faults.update(new FaultUpdate(null, Map.of(FaultKind.PAID_AFTER_CLOSE, new FaultUpdate.Change(-1L, null,
                null, Map.of("ord_2", 1))), null));

        wallet.close("ord_1");
        wallet.close("ord_2");
        f.advance(10_000);

        assertThat(wallet.payerDecision(closed, true).orElseThrow().changed()).isFalse();
        assertThat(wallet.payerDecision(leaky, true).orElseThrow().order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(f.ledger.totals().charges()).isEqualTo(1);
    }

    @Test
    void signedRequestsNameTheirMethodAndPath() {
        f.platformKey.set(TestKeys.PLATFORM_PUBLIC, "test");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String jws = request("POST", ORDERS, null, NOW, body);

        assertThat(verify("POST", ORDERS, jws, body)).isEqualTo(Verification.VERIFIED);
        assertRefused(() -> verify("POST", "/sim/wallet/v1/refunds", jws, body), "htm/htu");
        assertRefused(() -> verify("GET", ORDERS, jws, body), "htm/htu");
        assertRefused(() -> verify("POST", ORDERS, jws, "{ }".getBytes(StandardCharsets.UTF_8)), "does not verify");
        assertRefused(() -> verify("POST", ORDERS, null, body), "required");
        assertRefused(() -> verify("POST", ORDERS, request("POST", ORDERS, null, NOW - 600, body), body), "iat");
    }

    @Test
    void aRequestIdMustBeWellFormed() {
        f.platformKey.set(TestKeys.PLATFORM_PUBLIC, "test");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        for (String jti : List.of("a".repeat(16), "Az09_-".repeat(10) + "abcd", "f3Qm9Zr2Lk8vX1cYpT0aWw")) {
            assertThat(verify("POST", ORDERS, request("POST", ORDERS, jti, NOW, body), body)).as(jti)
                    .isEqualTo(Verification.VERIFIED);
        }
        for (Object jti : List.of("a".repeat(15), "a".repeat(65), "has space and more", "dots.are.not.allowed", "",
                1234567890123456789L, true)) {
            Map<String, Object> header = DetachedJws.requestHeader("kid", NOW, "POST", ORDERS);
            header.put("jti", jti);
            String jws = DetachedJws.sign(TestKeys.PLATFORM_PRIVATE, header, body);
            assertRefused(() -> verify("POST", ORDERS, jws, body), "jti");
        }
    }

    @Test
    void anAnswerIsBoundToTheRequestItAnswers() {
        f.platformKey.set(TestKeys.PLATFORM_PUBLIC, "test");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Wallet.Exchange exchange = wallet.exchange("POST", ORDERS, Map.of("merchantRef", "ord_1"));
        exchange.verify("POST", ORDERS, request("POST", ORDERS, "f3Qm9Zr2Lk8vX1cYpT0aWw", NOW, body), body);

        WireReply ok = exchange.signed(200, Wire.JSON, body, 0);
        WireReply refused = exchange.error(new ChannelException(ChannelError.ORDER_CLOSED, "closed"), 0);

        String bound = "{\"alg\":\"RS256\",\"kid\":\"" + TestKeys.CHANNEL.keyId() + "\",\"iat\":" + NOW
                + ",\"htm\":\"POST\",\"htu\":\"/sim/wallet/v1/orders\",\"jti\":\"f3Qm9Zr2Lk8vX1cYpT0aWw\"}";
        assertThat(answerHeader(ok)).isEqualTo(bound);
        assertThat(answerHeader(refused)).isEqualTo(bound);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.bodyText()).isEqualTo("{\"error\":\"ORDER_CLOSED\",\"message\":\"closed\","
                + "\"merchantRef\":\"ord_1\"}");
    }

    @Test
    void aRequestWithoutAnIdGetsAnAnswerBoundByMethodAndPathOnly() {
        f.platformKey.set(TestKeys.PLATFORM_PUBLIC, "test");
        String path = "/sim/wallet/v1/refunds/by-ref/rf_1";
        Wallet.Exchange exchange = wallet.exchange("GET", path, Map.of("refundRef", "rf_1"));
        exchange.verify("GET", path, request("GET", path, null, NOW, new byte[0]), new byte[0]);

        WireReply notFound = exchange.error(wallet.queryRefund("rf_1").error(), 0);

        assertThat(answerHeader(notFound)).isEqualTo("{\"alg\":\"RS256\",\"kid\":\"" + TestKeys.CHANNEL.keyId()
                + "\",\"iat\":" + NOW + ",\"htm\":\"GET\",\"htu\":\"" + path + "\"}");
        assertThat(notFound.bodyText()).contains("\"error\":\"REFUND_NOT_FOUND\"", "\"refundRef\":\"rf_1\"");
    }

    @Test
    void aRefusedSignatureIsAnsweredBoundToTheRequestButWithoutItsId() {
        f.platformKey.set(TestKeys.PLATFORM_PUBLIC, "test");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> forged = DetachedJws.boundHeader("kid", NOW, "POST", ORDERS, "f3Qm9Zr2Lk8vX1cYpT0aWw");
        String jws = DetachedJws.sign(TestKeys.CHANNEL_PRIVATE, forged, body);
        Wallet.Exchange exchange = wallet.exchange("POST", ORDERS, Map.of("merchantRef", "ord_1"));

        ChannelException refused = catchThrowableOfType(() -> exchange.verify("POST", ORDERS, jws, body),
                ChannelException.class);
        WireReply answer = exchange.error(refused, 0);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answerHeader(answer)).contains("\"htm\":\"POST\",\"htu\":\"/sim/wallet/v1/orders\"}")
                .doesNotContain("jti");
        assertThat(answer.bodyText()).contains("\"error\":\"SIGNATURE_INVALID\"", "\"merchantRef\":\"ord_1\"");
    }

    @Test
    void withoutThePlatformKeyAWellFormedIdIsEchoedUnverifiedAndNothingIsRefused() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> malformed = DetachedJws.requestHeader("kid", NOW, "POST", ORDERS);
        malformed.put("jti", "short");
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("f3Qm9Zr2Lk8vX1cYpT0aWw", DetachedJws.sign(TestKeys.CHANNEL_PRIVATE,
                DetachedJws.boundHeader("kid", NOW - 9_999, "GET", "/elsewhere", "f3Qm9Zr2Lk8vX1cYpT0aWw"), body));
        sent.put("(malformed)", DetachedJws.sign(TestKeys.PLATFORM_PRIVATE, malformed, body));
        sent.put("(unreadable)", "not a jws");
        sent.put("(absent)", null);

        sent.forEach((jti, jws) -> {
            Wallet.Exchange exchange = wallet.exchange("POST", ORDERS, Map.of());
            assertThat(exchange.verify("POST", ORDERS, jws, body)).isEqualTo(Verification.NOT_CHECKED);
            String header = answerHeader(exchange.signed(200, Wire.JSON, body, 0));
            assertThat(header).as(jti).contains("\"htu\":\"/sim/wallet/v1/orders\"");
            if (jti.startsWith("(")) {
                assertThat(header).as(jti).doesNotContain("jti");
            } else {
                assertThat(header).as(jti).endsWith(",\"jti\":\"" + jti + "\"}");
            }
        });
    }

    @Test
    void injectedOutagesComeFromTheFrontDoorUnsignedAndNameNothing() {
        Wallet.Exchange exchange = wallet.exchange("POST", ORDERS, Map.of("merchantRef", "ord_1"));
        exchange.verify("POST", ORDERS, null, new byte[0]);

        WireReply outage = exchange.error(ChannelException.injected(503), 0);

        assertThat(outage.headers()).doesNotContainKey(DetachedJws.HEADER);
        assertThat(outage.bodyText()).doesNotContain("ord_1");
    }

    @Test
    void callbacksAnswerNoRequestAndCarryAlgKidIatOnly() {
        wallet.createOrder(order("ord_1", 100));
        f.advance(0);
        CallbackMessage callback = f.transport.posts().get(0).message();

        assertThat(DetachedJws.verify(TestKeys.CHANNEL_PUBLIC, callback.headers().get(DetachedJws.HEADER),
                callback.body())).contains(DetachedJws.responseHeader(TestKeys.CHANNEL.keyId(), NOW));
    }

    @Test
    void theWorkedAnswerExampleIsWhatWalletSigns() {
        f.platformKey.set(TestKeys.PLATFORM_PUBLIC, "test");
        byte[] request = DetachedJwsTest.BODY.getBytes(StandardCharsets.UTF_8);
        Wallet.Exchange exchange = wallet.exchange("POST", ORDERS, Map.of("merchantRef", "ord_3001"));

        assertThat(exchange.verify("POST", ORDERS, DetachedJwsTest.REQUEST_JTI_JWS, request))
                .isEqualTo(Verification.VERIFIED);
        WireReply answer = exchange.signed(200, Wire.JSON,
                DetachedJwsTest.ANSWER_BODY.getBytes(StandardCharsets.UTF_8), 0);

        assertThat(answer.headers()).containsEntry(DetachedJws.HEADER, DetachedJwsTest.ANSWER_JWS);
    }

    @Test
    void aCallbackIsAcknowledgedBy200WithCodeSuccess() {
        assertThat(wallet.isAcknowledgement(200, "{\"code\":\"SUCCESS\"}")).isTrue();
        assertThat(wallet.isAcknowledgement(200, " {\"code\": \"SUCCESS\", \"message\": \"ok\"}\n")).isTrue();
        assertThat(wallet.isAcknowledgement(200, "{\"code\":\"FAIL\"}")).isFalse();
        assertThat(wallet.isAcknowledgement(200, "SUCCESS")).isFalse();
        assertThat(wallet.isAcknowledgement(204, "")).isFalse();
        assertThat(wallet.isAcknowledgement(500, "{\"code\":\"SUCCESS\"}")).isFalse();
    }

    @Test
    void aMisreportedOrderTakesAndReportsOtherMoneyEverywhere() {
        misreport("ord_1", new MoneyOverride(500L, "EUR"));
        String token = wallet.createOrder(order("ord_1", 1999)).value().order().payerToken();
        assertThat(Wallet.orderFields(f.ledger.find("ord_1").orElseThrow(), "http://sim/", false))
                .containsEntry("amount", 1999L).containsEntry("currency", "CNY");

        wallet.payerDecision(token, true);
        f.advance(0);

        assertThat(Wallet.orderFields(wallet.queryByRef("ord_1").value(), "http://sim/", null))
                .containsEntry("status", "PAID").containsEntry("amount", 500L).containsEntry("currency", "EUR");
        assertThat(f.transport.bodies()).last().asString().contains("\"status\":\"PAID\"", "\"amount\":500",
                "\"currency\":\"EUR\"");
        assertThat(wallet.statement(Fixture.START.atZone(ZoneOffset.UTC).toLocalDate()).value())
                .contains(",ord_1,PAYMENT,500,EUR,3,");
        ChannelLedger.PayOutcome retry = wallet.createOrder(order("ord_1", 1999)).value();
        assertThat(retry.effect()).isEqualTo(ChannelLedger.PayEffect.DUPLICATE);
        assertThat(retry.order().money()).isEqualTo(new Money(500, "EUR"));
        assertThat(wallet.createOrder(new PayAttempt("ord_1", new Money(500, "EUR"), "Tea", null, null)).error()
                .error()).isEqualTo(ChannelError.MERCHANT_REF_REUSED);
        assertThat(f.ledger.record("ord_1").charges()).isEqualTo(1);
    }

    @Test
    void aMisreportedOrderIsRefundedInTheMoneyItTook() {
        misreport("ord_1", new MoneyOverride(500L, null));
        wallet.payerDecision(wallet.createOrder(order("ord_1", 1999)).value().order().payerToken(), true);

        assertThat(wallet.refund(new Channel.RefundRequest("ord_1", null, "rf_1", new Money(501, "CNY"), null))
                .error().error()).isEqualTo(ChannelError.REFUND_EXCEEDS_CAPTURED);
        assertThat(wallet.refund(new Channel.RefundRequest("ord_1", null, "rf_2", new Money(500, "CNY"), null))
                .value().refund().status()).isEqualTo(RefundStatus.PROCESSING);
    }

    @Test
    void aMisreportAppliesOnlyToItsReferenceAndGoesWithNullOrAReset() {
        misreport("ord_1", new MoneyOverride(null, "EUR"));
        misreport("ord_2", new MoneyOverride(1L, null));
        misreport("ord_2", null);
        String other = wallet.createOrder(order("ord_2", 1999)).value().order().payerToken();
        String late = wallet.createOrder(order("ord_3", 1999)).value().order().payerToken();

        assertThat(wallet.payerDecision(other, true).orElseThrow().order().money()).isEqualTo(new Money(1999, "CNY"));
        assertThat(f.faults.settings().misreports()).containsOnlyKeys("ord_1");
        f.faults.reset();
        assertThat(f.faults.settings().misreports()).isEmpty();
        misreport("ord_3", new MoneyOverride(7L, null));
        assertThat(wallet.payerDecision(late, true).orElseThrow().order().money()).isEqualTo(new Money(7, "CNY"));
    }

    @Test
    void aPaymentLandingAfterCloseTakesTheMisreportedMoneyToo() {
        wallet.createOrder(order("ord_1", 1999));
        f.faults.update(new FaultUpdate(null, Map.of(FaultKind.PAID_AFTER_CLOSE, new FaultUpdate.Change(100L, null,
                null, Map.of("ord_1", 1))), null));
        misreport("ord_1", new MoneyOverride(1000L, "USD"));

        wallet.close("ord_1");
        f.advance(100);

        assertThat(f.ledger.find("ord_1").orElseThrow().order()).extracting(o -> o.status(), o -> o.money(),
                o -> o.requestedMoney()).containsExactly(OrderStatus.PAID, new Money(1000, "USD"), new Money(1999, "CNY"));
    }

    private void misreport(String merchantRef, MoneyOverride money) {
        Map<String, MoneyOverride> change = new HashMap<>();
        change.put(merchantRef, money);
        f.faults.update(new FaultUpdate(null, null, null, change));
    }

    private static final String ORDERS = "/sim/wallet/v1/orders";
    private static final long NOW = Fixture.START.getEpochSecond();

    /** What the platform sends: its request signed with the example platform key. */
    private static String request(String method, String path, String jti, long iat, byte[] body) {
        return DetachedJws.sign(TestKeys.PLATFORM_PRIVATE, DetachedJws.boundHeader("kid", iat, method, path, jti), body);
    }

    private Verification verify(String method, String path, String jws, byte[] body) {
        return wallet.exchange(method, path, Map.of()).verify(method, path, jws, body);
    }

    /** The protected header of a signed answer, as WALLET wrote it, once its signature is checked. */
    private static String answerHeader(WireReply reply) {
        String jws = reply.headers().get(DetachedJws.HEADER);
        assertThat(DetachedJws.verify(TestKeys.CHANNEL_PUBLIC, jws, reply.body())).as("signed by WALLET").isPresent();
        return new String(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
    }

    private static PayAttempt order(String ref, long amount) {
        return new PayAttempt(ref, new Money(amount, "CNY"), "Tea", null, null);
    }

    private static void assertRefused(Runnable verify, String why) {
        assertThatThrownBy(verify::run).isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.error()).isEqualTo(ChannelError.SIGNATURE_INVALID);
            assertThat(e.getMessage()).contains(why);
        });
    }
}
