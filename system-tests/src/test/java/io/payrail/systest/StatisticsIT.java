package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The statistics of one merchant's day through the operator API, figure by figure: payments, paid,
 * failed, success rate, volume, fees, refunds and fee revenue; and what the query refuses.
 */
class StatisticsIT {

    private final String TODAY = UtcDays.today(Duration.ofMinutes(3)).toString();

    @Test
    void aMerchantsDayIsCountedPaidFailedRefundedAndItsFeesKept() {
        TestMerchant merchant = Merchants.fresh("STATS", 600);
        Staff.as(Staff.FINANCE, "POST", "/rate-plans", Json.createObjectBuilder().add("merchantId", merchant.id())
                .add("paymentMethod", "BANK_CARD").add("currency", "USD").add("effectiveFrom", TODAY)
                .add("rateBps", 100).add("fixedMinor", 10).add("refundPolicy", "PRO_RATA").build().toString(), 201);
        String refunded = null;
        for (long amount : new long[] {1_000, 2_000, 3_000, 1_013}) { // 1,013: the simulator declines xx13
            String id = merchant.pay(Payments.newOrderNo("stats"), amount);
            Payments.awaitFinal(merchant, id, Duration.ofSeconds(30));
            if (amount == 2_000) {
                refunded = id;
            }
        }
        PayrailResponse refund = merchant.post("/api/v1/payments/" + refunded + "/refunds", Json.createObjectBuilder()
                .add("merchantRefundNo", "stats-r-" + refunded).add("amount", 500).build().toString());
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        String refundId = TestMerchant.json(refund).getString("id");
        Await.until("refund " + refundId, Duration.ofSeconds(30),
                () -> TestMerchant.json(merchant.get("/api/v1/refunds/" + refundId)),
                r -> "SUCCEEDED".equals(r.getString("state")));

        JsonObject stats = Staff.as(Staff.AUDITOR, "GET", "/statistics?merchantId=" + merchant.id(), null, 200).json();
        assertThat(stats.getString("from")).isEqualTo(TODAY);
        JsonArray items = stats.getJsonArray("items");
        assertThat(items).isNotEmpty().allSatisfy(v -> {
            JsonObject row = v.asJsonObject();
            assertThat(row.getString("day")).isEqualTo(TODAY);
            assertThat(row.getString("merchantId")).isEqualTo(merchant.id());
            assertThat(row.getString("method")).isEqualTo("BANK_CARD");
        });
        JsonObject usd = stats.getJsonArray("totals").stream().map(JsonValue::asJsonObject)
                .filter(t -> "USD".equals(t.getString("currency"))).findFirst().orElseThrow();
        assertThat(usd.getInt("payments")).isEqualTo(4);
        assertThat(usd.getInt("paid")).isEqualTo(3);
        assertThat(usd.getInt("failed")).isEqualTo(1);
        assertThat(usd.getJsonNumber("successRatePercent").bigDecimalValue()).isEqualByComparingTo("75.0");
        assertThat(usd.getJsonNumber("volume").longValue()).isEqualTo(6_000);
        // 1 % + 0.10: 20 + 30 + 40; the refund of 500 of 2,000 gives back 30 × 500 / 2,000 = 7.5 → 8
        assertThat(usd.getJsonNumber("fees").longValue()).isEqualTo(90);
        assertThat(usd.getInt("refunds")).isEqualTo(1);
        assertThat(usd.getJsonNumber("refunded").longValue()).isEqualTo(500);
        assertThat(usd.getJsonNumber("feesBack").longValue()).isEqualTo(8);
        assertThat(usd.getJsonNumber("feeRevenue").longValue()).isEqualTo(82);

        String channel = items.getJsonObject(0).getString("channelId");
        assertThat(Staff.as(Staff.FINANCE, "GET", "/statistics?merchantId=" + merchant.id() + "&channelId=NOBANK", null,
                200).json().getJsonArray("items")).as("another channel's").isEmpty();
        assertThat(Staff.as(Staff.FINANCE, "GET", "/statistics?merchantId=" + merchant.id() + "&channelId=" + channel
                + "&method=BANK_CARD&from=" + TODAY + "&to=" + TODAY, null, 200).json().getJsonArray("items"))
                .isNotEmpty();
    }

    @Test
    void aQueryItCannotAnswerIsRefusedWithTheFieldToFix() {
        LocalDate today = LocalDate.parse(TODAY);
        assertThat(Staff.as(Staff.FINANCE, "GET", "/statistics?from=" + today.plusDays(1) + "&to=" + today, null, 400)
                .body()).contains("from");
        assertThat(Staff.as(Staff.FINANCE, "GET", "/statistics?from=" + today.minusDays(200) + "&to=" + today, null,
                400).body()).contains("92 days");
        assertThat(Staff.as(Staff.FINANCE, "GET", "/statistics?method=CHEQUE", null, 400).body()).contains("method");
        assertThat(Staff.as(Staff.FINANCE, "GET", "/statistics?from=yesterday", null, 400).body()).contains("yyyy-MM-dd");
        assertThat(Staff.as(Staff.SUPPORT, "GET", "/statistics", null, 403).json().getString("code"))
                .isEqualTo("OPERATOR_FORBIDDEN");
    }
}
