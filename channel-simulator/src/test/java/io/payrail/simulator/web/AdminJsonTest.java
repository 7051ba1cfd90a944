package io.payrail.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.ChannelId;
import io.payrail.simulator.channel.ChannelSettings;
import io.payrail.simulator.channel.DeclineReason;
import io.payrail.simulator.channel.FaultKind;
import io.payrail.simulator.channel.FaultPlan;
import io.payrail.simulator.channel.FaultSettings;
import io.payrail.simulator.channel.FaultUpdate;
import io.payrail.simulator.channel.Money;
import io.payrail.simulator.channel.Operation;
import io.payrail.simulator.channel.RetrySchedule;
import io.payrail.simulator.fault.MoneyOverride;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API's JSON as tests will send it. */
class AdminJsonTest {

    @Test
    void aFailurePlanChangeReadsEveryKindOfFailure() {
        FaultUpdate update = AdminJson.faultUpdate(bytes("""
                {"latencyMs":5,
                 "fail":{"status":502,"operations":["pay","REFUND"],"next":2,"refs":{"ord_1":1}},
                 "timeout":{"ms":4000,"operations":["ALL"],"next":1},
                 "loseCallbacks":{"refs":{"ord_2":1}},
                 "duplicateCallbacks":{"copies":3,"next":1},
                 "reorderCallbacks":{"holdMs":100,"next":1},
                 "paidAfterClose":{"delayMs":-1,"refs":{"ord_3":1}},
                 "declineRules":[{"code":"LIMIT_EXCEEDED","amountAtLeast":100000},
                                 {"code":"INSUFFICIENT_FUNDS","amountEndsWith":"13","currency":"USD","refs":["a"],"remaining":2}]}
                """));

        FaultSettings s = update.latencyMs() == null ? null : new FaultPlan(ChannelId.CARDGW, 20).update(update);

        assertThat(s.latencyMs()).isEqualTo(5);
        assertThat(s.fault(FaultKind.FAIL).setting()).isEqualTo(502);
        assertThat(s.fault(FaultKind.FAIL).operations()).containsExactlyInAnyOrder(Operation.PAY, Operation.REFUND);
        assertThat(s.fault(FaultKind.FAIL).targets().refs()).containsEntry("ord_1", 1);
        assertThat(s.fault(FaultKind.TIMEOUT).operations()).isEqualTo(EnumSet.allOf(Operation.class));
        assertThat(s.fault(FaultKind.DUPLICATE_CALLBACKS).setting()).isEqualTo(3);
        assertThat(s.fault(FaultKind.PAID_AFTER_CLOSE).setting()).isEqualTo(-1);
        assertThat(s.declineRules()).extracting(r -> r.reason())
                .containsExactly(DeclineReason.LIMIT_EXCEEDED, DeclineReason.INSUFFICIENT_FUNDS);
        assertThat(s.declineRules().get(1).remaining()).isEqualTo(2);

        JsonObject out = AdminJson.faults(s);
        assertThat(out.getJsonObject("fail").toString())
                .isEqualTo("{\"status\":502,\"operations\":[\"PAY\",\"REFUND\"],\"next\":2,\"refs\":{\"ord_1\":1}}");
        assertThat(out.getJsonObject("loseCallbacks").toString()).isEqualTo("{\"next\":0,\"refs\":{\"ord_2\":1}}");
        assertThat(out.getJsonArray("declineRules").get(1).toString()).isEqualTo("{\"code\":\"INSUFFICIENT_FUNDS\","
                + "\"amountEndsWith\":\"13\",\"currency\":\"USD\",\"refs\":[\"a\"],\"remaining\":2}");
    }

    @Test
    void typosAreRefusedRatherThanIgnored() {
        for (String body : List.of("{\"failNext\":1}", "{\"fail\":{\"count\":1}}", "{\"fail\":{\"operations\":[\"PAYY\"]}}",
                "{\"loseCallbacks\":{\"operations\":[\"PAY\"]}}", "{\"declineRules\":[{\"code\":\"NOPE\"}]}",
                "{\"declineRules\":[{\"code\":\"DO_NOT_HONOR\",\"amount\":1}]}", "{\"fail\":{\"next\":1.5}}", "[]")) {
            assertThatThrownBy(() -> AdminJson.faultUpdate(bytes(body))).as(body).isInstanceOf(ChannelException.class);
        }
    }

    @Test
    void misreportIsMergedByReferenceAndShownInThePlan() {
        FaultPlan plan = new FaultPlan(ChannelId.WALLET, 20);
        plan.update(AdminJson.faultUpdate(bytes(
                "{\"misreport\":{\"refs\":{\"ord_1\":{\"amount\":500,\"currency\":\"EUR\"},\"ord_2\":{\"amount\":1}}}}")));

        FaultSettings s = plan.update(AdminJson.faultUpdate(bytes(
                "{\"misreport\":{\"refs\":{\"ord_2\":null,\"ord_3\":{\"currency\":\"USD\"}}}}")));

        assertThat(s.misreports()).isEqualTo(Map.of("ord_1", new MoneyOverride(500L, "EUR"),
                "ord_3", new MoneyOverride(null, "USD")));
        assertThat(AdminJson.faults(s).getJsonObject("misreport").toString()).isEqualTo(
                "{\"refs\":{\"ord_1\":{\"amount\":500,\"currency\":\"EUR\"},\"ord_3\":{\"currency\":\"USD\"}}}");
        assertThat(plan.captured("ord_1", new Money(1999, "CNY"))).isEqualTo(new Money(500, "EUR"));
        assertThat(plan.captured("ord_3", new Money(1999, "CNY"))).isEqualTo(new Money(1999, "USD"));
        assertThat(plan.captured("ord_4", new Money(1999, "CNY"))).isEqualTo(new Money(1999, "CNY"));
        assertThat(AdminJson.faults(plan.reset()).getJsonObject("misreport").toString()).isEqualTo("{\"refs\":{}}");
    }

    @Test
    void aBadMisreportIsRefusedAndChangesNothing() {
        FaultPlan plan = new FaultPlan(ChannelId.WALLET, 20);
        FaultSettings before = plan.settings();
        for (String body : List.of("{\"misreport\":{\"next\":1}}", "{\"misreport\":{\"refs\":{\"o\":5}}}",
                "{\"misreport\":{\"refs\":{\"o\":{}}}}", "{\"misreport\":{\"refs\":{\"o\":{\"amount\":-5}}}}",
                "{\"misreport\":{\"refs\":{\"o\":{\"currency\":\"euro\"}}}}", "{\"misreport\":[]}")) {
            assertThatThrownBy(() -> plan.update(AdminJson.faultUpdate(bytes(body)))).as(body)
                    .isInstanceOfAny(ChannelException.class, IllegalArgumentException.class)
                    .hasMessageContaining("misreport");
        }
        assertThat(plan.settings()).isEqualTo(before);
    }

    @Test
    void settingsChangeOnlyWhatIsGiven() {
        ChannelSettings current = new ChannelSettings(URI.create("https://localhost:8181/api/channel-callbacks/wallet"),
                1_000, RetrySchedule.DEFAULT);

        ChannelSettings next = AdminJson.settingsUpdate(current, bytes(
                "{\"callbackUrl\":\"http://127.0.0.1:9000/cb\",\"callbackRetryDelaysMs\":[100,200],\"callbackMaxAttempts\":3}"));

        assertThat(next).isEqualTo(new ChannelSettings(URI.create("http://127.0.0.1:9000/cb"), 1_000,
                new RetrySchedule(List.of(100L, 200L), 3)));
        assertThatThrownBy(() -> AdminJson.settingsUpdate(current, bytes("{\"callbackUrl\":\"ftp://x\"}")))
                .isInstanceOf(ChannelException.class);
        assertThatThrownBy(() -> AdminJson.settingsUpdate(current, bytes("{\"refundDelay\":1}")))
                .isInstanceOf(ChannelException.class);
        assertThat(AdminJson.settings(next).toString()).isEqualTo("{\"callbackUrl\":\"http://127.0.0.1:9000/cb\","
                + "\"refundDelayMs\":1000,\"callbackRetryDelaysMs\":[100,200],\"callbackMaxAttempts\":3}");
    }

    @Test
    void quickPayMessagesAreFlatAndSignedAsWritten() {
        Map<String, String> texts = WireJson.flatTexts(WireJson.object(bytes(
                "{\"merchantRef\":\"ord_1\",\"amount\":2500,\"ok\":true,\"gone\":null,\"subject\":\"a\\u00e9\"}")));

        assertThat(texts).containsExactly(Map.entry("merchantRef", "ord_1"), Map.entry("amount", "2500"),
                Map.entry("ok", "true"), Map.entry("subject", "a\u00e9"));
        assertThatThrownBy(() -> WireJson.flatTexts(WireJson.object(bytes("{\"card\":{\"number\":\"1\"}}"))))
                .isInstanceOf(ChannelException.class);
    }

    @Test
    void amountsAreStrictIntegers() {
        assertThat(WireJson.requiredLong(WireJson.object(bytes("{\"amount\":1000}")), "amount")).isEqualTo(1000);
        for (String body : List.of("{\"amount\":10.00}", "{\"amount\":\"1000\"}", "{\"amount\":1e3}", "{}",
                "{\"amount\":99999999999999999999}")) {
            assertThatThrownBy(() -> WireJson.requiredLong(WireJson.object(bytes(body)), "amount")).as(body)
                    .isInstanceOf(ChannelException.class);
        }
        assertThatThrownBy(() -> WireJson.object(new byte[0])).isInstanceOf(ChannelException.class);
        assertThatThrownBy(() -> WireJson.object(bytes("nope"))).isInstanceOf(ChannelException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
