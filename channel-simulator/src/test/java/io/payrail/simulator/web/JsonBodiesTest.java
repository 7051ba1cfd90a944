package io.payrail.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.bank.BookTotals;
import io.payrail.simulator.bank.CloseOutcome;
import io.payrail.simulator.bank.CloseResult;
import io.payrail.simulator.bank.DeclineCode;
import io.payrail.simulator.bank.PaymentResult;
import io.payrail.simulator.bank.PaymentState;
import io.payrail.simulator.bank.PaymentStatus;
import io.payrail.simulator.bank.RefTally;
import io.payrail.simulator.bank.RefundRejectCode;
import io.payrail.simulator.bank.RefundRequest;
import io.payrail.simulator.bank.RefundResult;
import io.payrail.simulator.bank.RefundStatus;
import io.payrail.simulator.fault.BankOperation;
import io.payrail.simulator.fault.FailurePlan;
import io.payrail.simulator.fault.FailureSettings;
import io.payrail.simulator.fault.MoneyOverride;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SIMBANK's refund JSON and the admin record, as PROTOCOL.md shows them. */
class JsonBodiesTest {

    @Test
    void readsARefundRequest() {
        RefundRequest request = JsonBodies.refundRequest(
                "{\"merchantRef\":\"pay_A1\",\"refundRef\":\"rfd_A1\",\"amount\":300,\"currency\":\"USD\",\"extra\":1}");

        assertThat(request).isEqualTo(new RefundRequest("pay_A1", "rfd_A1", 300, "USD"));
    }

    @Test
    void refusesABadRefundBody() {
        Map<String, String> bodies = Map.of(
                "", "a JSON object is required",
                "[1]", "not a JSON object",
                "{\"refundRef\":\"r\",\"amount\":1,\"currency\":\"USD\"}", "merchantRef is required",
                "{\"merchantRef\":\"p\",\"amount\":1,\"currency\":\"USD\"}", "refundRef is required",
                "{\"merchantRef\":\"p\",\"refundRef\":7,\"amount\":1,\"currency\":\"USD\"}", "refundRef must be a string",
                "{\"merchantRef\":\"p\",\"refundRef\":\"r/1\",\"amount\":1,\"currency\":\"USD\"}", "refundRef must be 1-64",
                "{\"merchantRef\":\"p\",\"refundRef\":\"r\",\"amount\":3.5,\"currency\":\"USD\"}", "amount must be an integer",
                "{\"merchantRef\":\"p\",\"refundRef\":\"r\",\"amount\":\"300\",\"currency\":\"USD\"}", "amount must be an integer",
                "{\"merchantRef\":\"p\",\"refundRef\":\"r\",\"amount\":0,\"currency\":\"USD\"}", "amount must be a positive",
                "{\"merchantRef\":\"p\",\"refundRef\":\"r\",\"amount\":1}", "currency is required");
        bodies.forEach((body, message) -> assertThatThrownBy(() -> JsonBodies.refundRequest(body)).as(body)
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(message));
    }

    @Test
    void readsAndWritesFailOperations() {
        FailurePlan plan = new FailurePlan(20);

        FailureSettings settings = plan.update(JsonBodies.failureUpdate("{\"failOperations\":[\"query\",\"PAY\"]}"));

        assertThat(settings.failOperations()).containsExactlyInAnyOrder(BankOperation.PAY, BankOperation.QUERY);
        assertThat(JsonBodies.settings(settings).toString()).isEqualTo("{\"latencyMs\":20,\"failNextRequests\":0,"
                + "\"failStatus\":503,\"timeoutNextRequests\":0,\"timeoutMs\":30000,\"failRefs\":{},"
                + "\"failOperations\":[\"PAY\",\"QUERY\"],\"captureOverrides\":{},\"refundOverrides\":{}}");
        assertThat(JsonBodies.settings(FailureSettings.defaults(20)).getJsonArray("failOperations").toString())
                .isEqualTo("[\"PAY\",\"REFUND\"]");
        for (String body : List.of("{\"failOperations\":\"QUERY\"}", "{\"failOperations\":[\"CLOSE\"]}",
                "{\"failOperations\":[1]}")) {
            assertThatThrownBy(() -> JsonBodies.failureUpdate(body)).as(body)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("failOperations");
        }
        assertThatThrownBy(() -> plan.update(JsonBodies.failureUpdate("{\"failOperations\":[]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failOperations");
    }

    @Test
    void readsAndWritesOverridesMergedByReference() {
        FailurePlan plan = new FailurePlan(20);
        plan.update(JsonBodies.failureUpdate("{\"captureOverrides\":{\"pay_1\":{\"amount\":500,\"currency\":\"EUR\"},"
                + "\"pay_2\":{\"currency\":\"JPY\"}},\"refundOverrides\":{\"rfd_1\":{\"amount\":1}}}"));

        FailureSettings settings = plan.update(JsonBodies.failureUpdate(
                "{\"captureOverrides\":{\"pay_2\":null,\"pay_3\":{\"amount\":7}}}"));

        assertThat(settings.captureOverrides()).isEqualTo(Map.of("pay_1", new MoneyOverride(500L, "EUR"),
                "pay_3", new MoneyOverride(7L, null)));
        assertThat(JsonBodies.settings(settings).getJsonObject("captureOverrides").toString())
                .isEqualTo("{\"pay_1\":{\"amount\":500,\"currency\":\"EUR\"},\"pay_3\":{\"amount\":7}}");
        assertThat(JsonBodies.settings(settings).getJsonObject("refundOverrides").toString())
                .isEqualTo("{\"rfd_1\":{\"amount\":1}}");
    }

    @Test
    void refusesABadOverrideAndChangesNothing() {
        FailurePlan plan = new FailurePlan(20);
        FailureSettings before = plan.settings();
        for (String body : List.of("{\"captureOverrides\":[]}", "{\"captureOverrides\":{\"p\":500}}",
                "{\"captureOverrides\":{\"p\":{}}}", "{\"captureOverrides\":{\"p\":{\"amount\":0}}}",
                "{\"captureOverrides\":{\"p\":{\"amount\":5.5}}}", "{\"refundOverrides\":{\"r\":{\"currency\":\"eur\"}}}",
                "{\"refundOverrides\":{\"r\":{\"currency\":978}}}", "{\"refundOverrides\":{\"r\":{\"amt\":5}}}")) {
            assertThatThrownBy(() -> plan.update(JsonBodies.failureUpdate(body))).as(body)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("verride");
        }
        assertThat(plan.settings()).isEqualTo(before);
    }

    @Test
    void theChargeRecordNamesTheMoneyTakenAndWhatWasAskedWhenItDiffers() {
        PaymentResult asAsked = new PaymentResult("pay_A", "sb_1", PaymentStatus.APPROVED, 1000, "USD", null);
        PaymentResult other = new PaymentResult("pay_O", "sb_2", PaymentStatus.APPROVED, 500, "EUR", null, 1000, "USD");

        assertThat(JsonBodies.tally(new RefTally("pay_A", 1, 1, PaymentStatus.APPROVED), asAsked).toString())
                .isEqualTo("{\"merchantRef\":\"pay_A\",\"requests\":1,\"charges\":1,\"status\":\"APPROVED\","
                        + "\"amount\":1000,\"currency\":\"USD\",\"refunds\":0,\"refunded\":0,\"closed\":false}");
        assertThat(JsonBodies.tally(new RefTally("pay_O", 1, 1, PaymentStatus.APPROVED), other).toString())
                .isEqualTo("{\"merchantRef\":\"pay_O\",\"requests\":1,\"charges\":1,\"status\":\"APPROVED\","
                        + "\"amount\":500,\"currency\":\"EUR\",\"requestedAmount\":1000,\"requestedCurrency\":\"USD\","
                        + "\"refunds\":0,\"refunded\":0,\"closed\":false}");
        // the pay answer and the status query report what was taken
        assertThat(JsonBodies.result(other, true).toString()).isEqualTo("{\"status\":\"APPROVED\","
                + "\"transactionId\":\"sb_2\",\"merchantRef\":\"pay_O\",\"amount\":500,\"currency\":\"EUR\","
                + "\"duplicate\":true}");
        assertThat(JsonBodies.refund(new RefundResult("rfd_O", "pay_O", "sr_1", RefundStatus.REFUNDED, 700, "EUR",
                null, 300, "EUR"), false).getInt("amount")).isEqualTo(700);
    }

    @Test
    void writesRefundAnswers() {
        RefundResult refunded = new RefundResult("rfd_A1", "pay_A1", "sr_1", RefundStatus.REFUNDED, 300, "USD", null);
        RefundResult rejected = new RefundResult("rfd_A2", "pay_A1", "sr_2", RefundStatus.REJECTED, 900, "USD",
                RefundRejectCode.EXCEEDS_CAPTURED);

        assertThat(JsonBodies.refund(refunded, false).toString()).isEqualTo("{\"status\":\"REFUNDED\",\"refundId\":\"sr_1\","
                + "\"merchantRef\":\"pay_A1\",\"refundRef\":\"rfd_A1\",\"amount\":300,\"currency\":\"USD\",\"duplicate\":false}");
        assertThat(JsonBodies.refund(rejected, true).toString()).isEqualTo("{\"status\":\"REJECTED\",\"refundId\":\"sr_2\","
                + "\"merchantRef\":\"pay_A1\",\"refundRef\":\"rfd_A2\",\"reasonCode\":\"EXCEEDS_CAPTURED\","
                + "\"message\":\"Refunds would exceed the amount charged\",\"duplicate\":true}");
    }

    @Test
    void writesClosedReferences() {
        PaymentResult declined = new PaymentResult("pay_D", "sb_1", PaymentStatus.DECLINED, 1013, "USD",
                DeclineCode.INSUFFICIENT_FUNDS);
        PaymentResult approved = new PaymentResult("pay_A", "sb_2", PaymentStatus.APPROVED, 1000, "USD", null);

        assertThat(JsonBodies.closed(new CloseResult("pay_X", CloseOutcome.CLOSED, null)).toString())
                .isEqualTo("{\"status\":\"CLOSED\",\"merchantRef\":\"pay_X\"}");
        assertThat(JsonBodies.closed(new CloseResult("pay_D", CloseOutcome.ALREADY_CLOSED, declined)).toString())
                .isEqualTo("{\"status\":\"CLOSED\",\"merchantRef\":\"pay_D\",\"transactionId\":\"sb_1\","
                        + "\"declineCode\":\"INSUFFICIENT_FUNDS\",\"message\":\"Insufficient funds\"}");
        assertThatThrownBy(() -> JsonBodies.closed(new CloseResult("pay_A", CloseOutcome.PAID, approved)))
                .isInstanceOf(IllegalArgumentException.class);
        // the status query: CLOSED for a closed reference, else the decision as the pay answer gives it
        assertThat(JsonBodies.state(new PaymentState("pay_X", null, true)).toString())
                .isEqualTo("{\"status\":\"CLOSED\",\"merchantRef\":\"pay_X\"}");
        assertThat(JsonBodies.state(new PaymentState("pay_D", declined, true)).getString("status")).isEqualTo("CLOSED");
        assertThat(JsonBodies.state(new PaymentState("pay_A", approved, false)))
                .isEqualTo(JsonBodies.result(approved, false));
        assertThat(JsonBodies.tally(new RefTally("pay_X", 1, 0, null, 0, 0, true), null).toString())
                .isEqualTo("{\"merchantRef\":\"pay_X\",\"requests\":1,\"charges\":0,\"status\":\"NONE\","
                        + "\"refunds\":0,\"refunded\":0,\"closed\":true}");
    }

    @Test
    void theAdminRecordKeepsItsFieldsAndAddsRefunds() {
        assertThat(JsonBodies.tally(new RefTally("pay_A1", 3, 1, PaymentStatus.APPROVED, 2, 700), null).toString())
                .isEqualTo("{\"merchantRef\":\"pay_A1\",\"requests\":3,\"charges\":1,\"status\":\"APPROVED\","
                        + "\"refunds\":2,\"refunded\":700,\"closed\":false}");
        assertThat(JsonBodies.tally(new RefTally("pay_x", 0, 0, null), null).toString())
                .isEqualTo("{\"merchantRef\":\"pay_x\",\"requests\":0,\"charges\":0,\"status\":\"NONE\","
                        + "\"refunds\":0,\"refunded\":0,\"closed\":false}");
        assertThat(JsonBodies.totals(new BookTotals(281, 70, 72, 5)).toString())
                .isEqualTo("{\"totalRequests\":281,\"totalCharges\":70,\"refs\":72,\"totalRefunds\":5}");
    }
}
