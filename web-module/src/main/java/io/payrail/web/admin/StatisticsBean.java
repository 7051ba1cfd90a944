package io.payrail.web.admin;

import io.payrail.statistics.Statistics;
import io.payrail.statistics.StatisticsRow;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics (FINANCE, OPERATIONS, AUDITOR, ADMIN): per UTC day, merchant, channel, method and
 * currency — payments, paid, failed, success rate, volume, refunds, fee revenue — and totals per
 * currency, from the same query service as {@code GET /api/operator/statistics}.
 */
@Named("statistics")
@ViewScoped
public class StatisticsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Statistics statistics;

    @Inject
    private AdminMessages messages;

    private String from = LocalDate.now(ZoneOffset.UTC).toString();
    private String to = from;
    private String merchantId;
    private String channelId;
    private String method;
    private List<StatisticsRow> rows;

    public void search() {
        try {
            LocalDate first = LocalDate.parse(from.strip());
            LocalDate last = LocalDate.parse(to.strip());
            if (first.isAfter(last) || first.plusDays(Statistics.MAX_DAYS).isBefore(last.plusDays(1))) {
                throw new DateTimeParseException("range", from + ".." + to, 0);
            }
            rows = statistics.rows(new Statistics.Query(first, last, blankToNull(merchantId), blankToNull(channelId),
                    blankToNull(method)));
        } catch (DateTimeParseException e) {
            rows = List.of();
            messages.error("statistics.badRange", Statistics.MAX_DAYS);
        }
    }

    /** The rows for the page (EL reads maps, not records). */
    public List<Map<String, Object>> getRows() {
        if (rows == null) {
            search();
        }
        return rows.stream().map(StatisticsBean::cells).toList();
    }

    public List<Map<String, Object>> getTotals() {
        if (rows == null) {
            search();
        }
        return Statistics.totals(rows).stream().map(StatisticsBean::cells).toList();
    }

    private static Map<String, Object> cells(StatisticsRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", r.day() == null ? "" : r.day().toString());
        m.put("merchantId", r.merchantId() == null ? "" : r.merchantId());
        m.put("channelId", r.channelId() == null ? "" : r.channelId());
        m.put("method", r.method() == null ? "" : r.method());
        m.put("currency", r.currency());
        m.put("payments", r.payments());
        m.put("paid", r.paid());
        m.put("failed", r.failed());
        m.put("successRate", r.successRate() == null ? "—" : r.successRate() + " %");
        m.put("volume", r.volume());
        m.put("refunds", r.refunds());
        m.put("refunded", r.refunded());
        m.put("feeRevenue", r.feeRevenue());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getMerchantId() {
        return merchantId;
    }

    public void setMerchantId(String merchantId) {
        this.merchantId = merchantId;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }
}
