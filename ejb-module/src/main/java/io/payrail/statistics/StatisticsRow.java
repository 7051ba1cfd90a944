package io.payrail.statistics;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One cell of the statistics: payments created on {@code day} (UTC) of one merchant at one channel
 * ({@code "-"}: never reached one) by one method, in one currency, and the refunds created that day
 * on such payments. Amounts in the currency's minor units.
 *
 * @param payments    payments created
 * @param paid        of those, paid (SUCCEEDED, or since partly or wholly refunded)
 * @param failed      of those, FAILED (declined or refused); CLOSED (expired unpaid) counts in neither
 * @param volume      the amount paid
 * @param fees        fees charged on what was paid
 * @param refunds     refunds that succeeded
 * @param refunded    their amount
 * @param feesBack    the fee share they gave back
 */
public record StatisticsRow(LocalDate day, String merchantId, String channelId, String method, String currency,
                            long payments, long paid, long failed, long volume, long fees, long refunds,
                            long refunded, long feesBack) {

    /** Paid out of decided (paid + failed), in percent with one decimal; null when nothing was decided. */
    public BigDecimal successRate() {
        long decided = paid + failed;
        return decided == 0 ? null : BigDecimal.valueOf(paid * 1000L).divide(BigDecimal.valueOf(decided), 0,
                RoundingMode.HALF_UP).movePointLeft(1);
    }

    /** Fees kept: charged less given back. */
    public long feeRevenue() {
        return fees - feesBack;
    }

    StatisticsRow plus(StatisticsRow o) {
        return new StatisticsRow(day, merchantId, channelId, method, currency, payments + o.payments, paid + o.paid,
                failed + o.failed, volume + o.volume, fees + o.fees, refunds + o.refunds, refunded + o.refunded,
                feesBack + o.feesBack);
    }

    public JsonObject toJson() {
        var b = Json.createObjectBuilder();
        if (day != null) {
            b.add("day", day.toString());
        }
        if (merchantId != null) {
            b.add("merchantId", merchantId);
        }
        if (channelId != null) {
            b.add("channelId", channelId);
        }
        if (method != null) {
            b.add("method", method);
        }
        b.add("currency", currency).add("payments", payments).add("paid", paid).add("failed", failed)
                .add("volume", volume).add("fees", fees).add("refunds", refunds).add("refunded", refunded)
                .add("feesBack", feesBack).add("feeRevenue", feeRevenue());
        BigDecimal rate = successRate();
        if (rate != null) {
            b.add("successRatePercent", rate);
        }
        return b.build();
    }
}
