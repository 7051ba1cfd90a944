package io.payrail.simulator.channel;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A channel's daily statement as CSV (RFC 4180 without quoting: no field can hold a comma, a quote
 * or a line break): a header line, then one line per money movement, {@code \n} line ends, UTF-8.
 *
 * <pre>
 * channel_txn_id,merchant_ref,type,amount_minor,currency,fee_minor,time_utc,refund_ref,channel_refund_id
 * cg_5f0c...,ord_1,PAYMENT,1000,USD,6,2026-11-27T08:36:09.270Z,,
 * cg_5f0c...,ord_1,REFUND,400,USD,0,2026-11-27T09:00:00.000Z,rf_1,cgr_8d1e...
 * </pre>
 */
public final class StatementFile {

    public static final String HEADER =
            "channel_txn_id,merchant_ref,type,amount_minor,currency,fee_minor,time_utc,refund_ref,channel_refund_id";

    /** Always milliseconds, always {@code Z}: one fixed width a parser can rely on. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StatementFile() {
    }

    public static String render(List<StatementLine> lines) {
        StringBuilder out = new StringBuilder(HEADER.length() + 1 + lines.size() * 120).append(HEADER).append('\n');
        for (StatementLine l : lines) {
            out.append(l.transactionId()).append(',')
                    .append(l.merchantRef()).append(',')
                    .append(l.type()).append(',')
                    .append(l.amount()).append(',')
                    .append(l.currency()).append(',')
                    .append(l.fee()).append(',')
                    .append(TIME.format(l.at())).append(',')
                    .append(l.refundRef() == null ? "" : l.refundRef()).append(',')
                    .append(l.refundId() == null ? "" : l.refundId()).append('\n');
        }
        return out.toString();
    }
}
