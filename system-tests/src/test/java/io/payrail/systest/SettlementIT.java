package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A merchant's day settled end to end: fees charged at capture by its rate plan, a refund with its
 * share of the fee given back, the day's statement imported and reconciled, the T+1 batch made,
 * approved and paid out through the simulated bank, exactly once even when the bank already
 * executed the transfer before the platform heard of it (a crash between the two); the merchant
 * lists it and downloads its lines as CSV.
 */
class SettlementIT {

    private static final String ACCOUNT = "DE89370400440532013000";
    private final TestMerchant merchant = Merchants.fresh("SETTLE", 10_000);

    private String paid(long amount) {
        String id = merchant.pay(Payments.newOrderNo("settle"), amount);
        assertThat(Payments.awaitFinal(merchant, id, Duration.ofSeconds(15)).getString("state")).isEqualTo("SUCCEEDED");
        return id;
    }

    /** The fee rule of docs/settlement.md §3: 2.90 % half up + 0.30. */
    private static long fee(long amount) {
        return (amount * 290 + 5_000) / 10_000 + 30;
    }

    @Test
    void aReconciledDayIsSettledNetOfRefundsAndFeesAndPaidOutOnce() {
        LocalDate today = UtcDays.today(Duration.ofMinutes(3));
        Staff.as(Staff.FINANCE, "POST", "/rate-plans", Json.createObjectBuilder().add("merchantId", merchant.id())
                .add("paymentMethod", "BANK_CARD").add("currency", "USD").add("effectiveFrom", today.toString())
                .add("rateBps", 290).add("fixedMinor", 30).add("refundPolicy", "PRO_RATA").build().toString(), 201);
        Staff.as(Staff.FINANCE, "PUT", "/settlements/accounts/" + merchant.id(), Json.createObjectBuilder()
                .add("delayDays", 1).add("account", ACCOUNT).add("name", "Settle Test").build().toString(), 200);

        String first = paid(1_000);
        String second = paid(2_000);
        String third = paid(3_000);
        PayrailResponse refund = merchant.post("/api/v1/payments/" + second + "/refunds", Json.createObjectBuilder()
                .add("merchantRefundNo", "settle-r-" + second).add("amount", 500).build().toString());
        assertThat(refund.status()).isEqualTo(201);
        String refundId = TestMerchant.json(refund).getString("id");
        Await.until("refund " + refundId, Duration.ofSeconds(15),
                () -> TestMerchant.json(merchant.get("/api/v1/refunds/" + refundId)),
                r -> "SUCCEEDED".equals(r.getString("state")));

        Staff.as(Staff.FINANCE, "POST", "/statements/SIMBANK/" + today + "/import", null, 200);
        Staff.as(Staff.FINANCE, "POST", "/reconciliation/SIMBANK/" + today, null, 200);

        Staff.as(Staff.FINANCE, "POST", "/settlements/runs/" + today, null, 200);
        assertThat(Staff.as(Staff.FINANCE, "GET", "/settlements?merchantId=" + merchant.id(), null, 200).json()
                .getJsonArray("items")).as("T+1: nothing is due on the capture day itself").isEmpty();

        JsonObject run = Staff.as(Staff.FINANCE, "POST", "/settlements/runs/" + today.plusDays(1), null, 200).json();
        JsonObject draft = run.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("merchantId").equals(merchant.id())).findFirst().orElseThrow();
        long fees = fee(1_000) + fee(2_000) + fee(3_000) - Math.round(fee(2_000) * 500 / 2_000.0);
        long net = 1_000 + 2_000 + 3_000 - 500 - fees;
        assertThat(draft.getString("state")).isEqualTo("DRAFT");
        assertThat(draft.getInt("lines")).isEqualTo(4);
        assertThat(draft.getJsonNumber("fees").longValue()).isEqualTo(fees);
        assertThat(draft.getJsonNumber("net").longValue()).as("paid − refunded − fees").isEqualTo(net);
        assertThat(Staff.as(Staff.FINANCE, "POST", "/settlements/runs/" + today.plusDays(1), null, 200).json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("merchantId").equals(merchant.id()))).as("nothing settled twice").isEmpty();

        String id = draft.getString("id");
        Gateway.Answer early = Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/payout", null, 409);
        assertThat(early.json().getString("code")).isEqualTo("SETTLEMENT_STATE_CONFLICT");
        assertThat(Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/approval", null, 200).json().getString("state"))
                .isEqualTo("APPROVED");

        // the bank executed the transfer, the platform died before it heard: the payout repeats it
        JsonObject atTheBank = Simulator.transfer(Json.createObjectBuilder().add("transferRef", id).add("amount", net)
                .add("currency", "USD").add("beneficiaryAccount", ACCOUNT).add("beneficiaryName", "Settle Test")
                .build().toString());
        assertThat(atTheBank.getString("status")).isEqualTo("EXECUTED");
        JsonObject paid = Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/payout", null, 200).json();
        assertThat(paid.getString("state")).isEqualTo("PAID");
        assertThat(paid.getString("transferId")).isEqualTo(atTheBank.getString("transferId"));
        Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/payout", null, 409);
        JsonObject record = Simulator.transferRecord(id);
        assertThat(record.getInt("executions")).as("money left once").isEqualTo(1);
        assertThat(record.getJsonNumber("amount").longValue()).isEqualTo(net);
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ? AND entry_type IN"
                + " ('SETTLEMENT_APPROVED', 'SETTLEMENT_PAID')", id)).as("approved and paid booked once each").isEqualTo(2);

        PayrailResponse list = merchant.get("/api/v1/settlements");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.isSignatureVerified()).isTrue();
        assertThat(TestMerchant.json(list).getJsonArray("items").getJsonObject(0).getString("state")).isEqualTo("PAID");
        PayrailResponse csv = merchant.get("/api/v1/settlements/" + id + "/lines");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.isSignatureVerified()).isTrue();
        assertThat(csv.header("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\n"));
        assertThat(lines.get(0)).isEqualTo("settlement_id,kind,reference,order_id,time_utc,gross_minor,fee_minor,net_minor,currency");
        assertThat(lines).hasSize(5);
        assertThat(lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[7])).sum()).isEqualTo(net);
        assertThat(String.join("\n", lines)).contains(first, second, third, refundId);
        assertThat(merchant.get("/api/v1/settlements/stl_unknown/lines").status()).isEqualTo(404);
    }

    @Test
    void aPayoutTheBankRejectedIsPaidAgainOnlyToACorrectedAccountAndOnce() {
        LocalDate today = UtcDays.today(Duration.ofMinutes(3));
        String closed = "DE89370400440532013013"; // the simulated bank's rule: an account ending in 13 is closed
        Staff.as(Staff.FINANCE, "PUT", "/settlements/accounts/" + merchant.id(), Json.createObjectBuilder()
                .add("delayDays", 0).add("account", closed).add("name", "Settle Retry").build().toString(), 200);
        paid(5_000);
        Staff.as(Staff.FINANCE, "POST", "/statements/SIMBANK/" + today + "/import", null, 200);
        Staff.as(Staff.FINANCE, "POST", "/reconciliation/SIMBANK/" + today, null, 200);
        Staff.as(Staff.FINANCE, "POST", "/settlements/runs/" + today, null, 200);
        String id = Staff.as(Staff.FINANCE, "GET", "/settlements?merchantId=" + merchant.id(), null, 200).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/approval", null, 200);

        JsonObject failed = Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/payout", null, 200).json();
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("failure")).contains("ACCOUNT_CLOSED");
        assertThat(Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/retry", null, 409).body())
                .as("not to the account the bank rejected").contains("correct it first");

        Staff.as(Staff.FINANCE, "PUT", "/settlements/accounts/" + merchant.id(), Json.createObjectBuilder()
                .add("delayDays", 0).add("account", ACCOUNT).add("name", "Settle Retry").build().toString(), 200);
        JsonObject again = Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/retry", null, 200).json();
        assertThat(again.getString("state")).isEqualTo("APPROVED");
        assertThat(again.getString("transferRef")).isEqualTo(id + "-2");
        JsonObject paid = Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/payout", null, 200).json();
        assertThat(paid.getString("state")).isEqualTo("PAID");
        Staff.as(Staff.FINANCE, "POST", "/settlements/" + id + "/retry", null, 409);

        JsonObject rejected = Simulator.transferRecord(id);
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.getInt("executions")).as("nothing left on the rejected attempt").isZero();
        JsonObject executed = Simulator.transferRecord(id + "-2");
        assertThat(executed.getInt("executions")).as("money left once").isEqualTo(1);
        assertThat(executed.getString("beneficiaryAccount")).isEqualTo(ACCOUNT);
        assertThat(executed.getJsonNumber("amount").longValue()).isEqualTo(paid.getJsonNumber("net").longValue());
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ? AND entry_type IN"
                + " ('SETTLEMENT_APPROVED', 'SETTLEMENT_PAID')", id)).as("approved and paid booked once each").isEqualTo(2);
    }
}
