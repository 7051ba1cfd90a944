package io.payrail.statistics;

import io.payrail.common.SqlValues;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics query service: per UTC day, merchant, channel, method and currency, from the
 * orders and refunds themselves, read-only (no transaction of its own). A payment counts on the day
 * it was created, a refund on the day it was created; the method is the one the payer used at the
 * cashier, else the one the merchant chose.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Statistics {

    /** The longest range one query covers. */
    public static final int MAX_DAYS = 92;

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    /** What to count: a range of UTC days [from, to] and optional filters (null: all). */
    public record Query(LocalDate from, LocalDate to, String merchantId, String channelId, String method) {
    }

    /** The rows of the range, by day, merchant, channel, method and currency. */
    public List<StatisticsRow> rows(Query q) {
        Map<String, StatisticsRow> rows = new TreeMap<>();
        String filters = " and (?3 is null or o.merchant_id = ?3) and (?4 is null or coalesce(o.channel_id, '-') = ?4)"
                + " and (?5 is null or coalesce(o.payer_method, o.payment_method) = ?5)";
        for (Object[] r : select("select date(o.created_at), o.merchant_id, coalesce(o.channel_id, '-'),"
                + " coalesce(o.payer_method, o.payment_method), o.currency, count(*),"
                + " sum(case when o.state in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED') then 1 else 0 end),"
                + " sum(case when o.state = 'FAILED' then 1 else 0 end),"
                + " sum(case when o.state in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED') then o.amount_minor else 0 end),"
                + " sum(case when o.state in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED') then coalesce(o.fee_minor, 0)"
                + " else 0 end)"
                + " from payment_order o where o.created_at >= ?1 and o.created_at < ?2" + filters
                + " group by 1, 2, 3, 4, 5", q)) {
            add(rows, new StatisticsRow(SqlValues.localDate(r[0]), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], n(r[5]), n(r[6]), n(r[7]), n(r[8]), n(r[9]), 0, 0, 0));
        }
        for (Object[] r : select("select date(f.created_at), o.merchant_id, coalesce(o.channel_id, '-'),"
                + " coalesce(o.payer_method, o.payment_method), f.currency, count(*), sum(f.amount_minor),"
                + " sum(coalesce(f.fee_refund_minor, 0))"
                + " from refund f join payment_order o on o.id = f.payment_order_id"
                + " where f.state = 'SUCCEEDED' and f.created_at >= ?1 and f.created_at < ?2" + filters
                + " group by 1, 2, 3, 4, 5", q)) {
            add(rows, new StatisticsRow(SqlValues.localDate(r[0]), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], 0, 0, 0, 0, 0, n(r[5]), n(r[6]), n(r[7])));
        }
        List<StatisticsRow> out = new ArrayList<>(rows.values());
        out.sort(Comparator.comparing(StatisticsRow::day).thenComparing(StatisticsRow::merchantId)
                .thenComparing(StatisticsRow::channelId).thenComparing(StatisticsRow::method)
                .thenComparing(StatisticsRow::currency));
        return out;
    }

    /** The rows summed per currency (amounts of different currencies are never added). */
    public static List<StatisticsRow> totals(List<StatisticsRow> rows) {
        Map<String, StatisticsRow> byCurrency = new TreeMap<>();
        for (StatisticsRow r : rows) {
            StatisticsRow bare = new StatisticsRow(null, null, null, null, r.currency(), r.payments(), r.paid(),
                    r.failed(), r.volume(), r.fees(), r.refunds(), r.refunded(), r.feesBack());
            byCurrency.merge(r.currency(), bare, StatisticsRow::plus);
        }
        return List.copyOf(byCurrency.values());
    }

    private static void add(Map<String, StatisticsRow> rows, StatisticsRow row) {
        String key = row.day() + "|" + row.merchantId() + "|" + row.channelId() + "|" + row.method() + "|" + row.currency();
        rows.merge(key, row, StatisticsRow::plus);
    }

    private List<Object[]> select(String sql, Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter(1, Timestamp.from(q.from().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .setParameter(2, Timestamp.from(q.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .setParameter(3, q.merchantId()).setParameter(4, q.channelId()).setParameter(5, q.method())
                .getResultList();
        return rows;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
