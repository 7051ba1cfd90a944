package io.payrail.simulator.channel.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.payrail.simulator.channel.WireReply;
import io.payrail.simulator.fault.MoneyOverride;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
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
        long now = f.clock.instant().getEpochSecond();
        String jws = DetachedJws.sign(TestKeys.PLATFORM_PRIVATE, DetachedJws.requestHeader("kid", now, "POST",
                "/sim/wallet/v1/orders"), body);

        assertThat(wallet.verify("POST", "/sim/wallet/v1/orders", jws, body)).isEqualTo(Verification.VERIFIED);
        assertRefused(() -> wallet.verify("POST", "/sim/wallet/v1/refunds", jws, body), "htm/htu");
        assertRefused(() -> wallet.verify("GET", "/sim/wallet/v1/orders", jws, body), "htm/htu");
        assertRefused(() -> wallet.verify("POST", "/sim/wallet/v1/orders", jws, "{ }".getBytes(StandardCharsets.UTF_8)),
                "does not verify");
        assertRefused(() -> wallet.verify("POST", "/sim/wallet/v1/orders", null, body), "required");
        String stale = DetachedJws.sign(TestKeys.PLATFORM_PRIVATE, DetachedJws.requestHeader("kid", now - 600, "POST",
                "/sim/wallet/v1/orders"), body);
        assertRefused(() -> wallet.verify("POST", "/sim/wallet/v1/orders", stale, body), "iat");
    }

    @Test
    void answersAndCallbacksCarryTheChannelsDetachedSignature() {
        byte[] body = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
        WireReply reply = wallet.signed(200, "application/json", body, 0);
        assertThat(DetachedJws.verify(TestKeys.CHANNEL_PUBLIC, reply.headers().get(DetachedJws.HEADER), body))
                .hasValueSatisfying(h -> assertThat(h).containsEntry("kid", TestKeys.CHANNEL.keyId()));

        wallet.createOrder(order("ord_1", 100));
        f.advance(0);
        CallbackMessage callback = f.transport.posts().get(0).message();
        assertThat(DetachedJws.verify(TestKeys.CHANNEL_PUBLIC, callback.headers().get(DetachedJws.HEADER),
                callback.body())).isPresent();
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
