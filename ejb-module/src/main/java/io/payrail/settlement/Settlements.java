package io.payrail.settlement;

import io.payrail.common.Currencies;
import io.payrail.common.ErrorCode;
import io.payrail.common.Ids;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import io.payrail.common.SqlValues;
import io.payrail.ledger.Ledger;
import io.payrail.ledger.PostingRules;
import io.payrail.notify.Notifications;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Merchant settlement batches, each step one transaction (no web types: the operator API today,
 * the back office's pages later). A batch holds the merchant's reconciled captures (matched on
 * their channel's statement), its succeeded refunds and their fees, whose UTC day plus the
 * merchant's delay has come ({@link SettlementRules}); a line's key (kind, reference) makes sure
 * nothing is settled twice. DRAFT → APPROVED books the net from pending to payable; the payout
 * (through {@link SettlementPayouts}) makes it PAID and books it out of the bank, or FAILED.
 */
@Stateless
public class Settlements {

    private static final Logger LOG = Logger.getLogger(Settlements.class.getName());
    private static final String COLUMNS = "s.id, s.merchant_id, s.currency, s.settlement_day, s.state, s.gross_minor,"
            + " s.refunds_minor, s.fees_minor, s.net_minor, s.line_count, s.created_at, s.approved_by, s.approved_at,"
            + " s.transfer_id, s.paid_at, s.failure, s.payout_attempt, s.adjustments_minor";

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Ledger ledger;

    @Inject
    private Notifications notifications;

    /** The merchants that could have something to settle. */
    public List<String> merchants() {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select id from merchant order by id").getResultList();
        return ids;
    }

    /**
     * Computes the merchant's DRAFT batches of {@code day}, one per currency with a positive net
     * (a net of zero or less is carried forward: its lines stay for a later day). A batch already
     * made for that merchant, currency and day is left as it is.
     *
     * @return the ids of the batches made now
     */
    public List<String> draft(String merchantId, LocalDate day) {
        Number delay = (Number) em.createNativeQuery("select settlement_delay_days from merchant where id = ?1")
                .setParameter(1, merchantId).getSingleResult();
        // a movement of UTC day d is settled on d + delay: everything before the start of day - delay + 1
        Timestamp before = Timestamp.from(day.minusDays(delay.longValue()).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<String, List<Line>> byCurrency = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> captures = em.createNativeQuery("select o.id, o.currency, o.amount_minor, coalesce(o.fee_minor, 0),"
                        + " o.finished_at from payment_order o where o.merchant_id = ?1 and o.finished_at < ?2"
                        + " and o.state in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED') and o.held_at is null"
                        + " and exists (select 1 from channel_movement m where m.recon_ref = o.id"
                        + " and m.movement_type = 'PAYMENT' and m.recon_class in ('MATCHED', 'CROSS_DAY', 'FEE_MISMATCH'))"
                        + " and not exists (select 1 from settlement_line l where l.kind = 'CAPTURE' and l.reference = o.id)"
                        + " order by o.finished_at, o.id")
                .setParameter(1, merchantId).setParameter(2, before).getResultList();
        for (Object[] r : captures) {
            line(byCurrency, SettlementLine.Kind.CAPTURE, r, (String) r[0]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> refunds = em.createNativeQuery("select r.id, r.currency, r.amount_minor,"
                        + " coalesce(r.fee_refund_minor, 0), r.finished_at, r.payment_order_id from refund r"
                        + " where r.merchant_id = ?1 and r.state = 'SUCCEEDED' and r.finished_at < ?2 and r.held_at is null"
                        + " and not exists (select 1 from settlement_line l where l.kind = 'REFUND' and l.reference = r.id)"
                        + " order by r.finished_at, r.id")
                .setParameter(1, merchantId).setParameter(2, before).getResultList();
        for (Object[] r : refunds) {
            line(byCurrency, SettlementLine.Kind.REFUND, r, (String) r[5]);
        }
        // accepted cases: what the channel's figure moved on the merchant's pending balance (a debit
        // there is money the merchant is owed less)
        @SuppressWarnings("unchecked")
        List<Object[]> adjustments = em.createNativeQuery("select e.reference_id, p.currency, sum(p.amount_minor),"
                        + " max(e.created_at) from journal_entry e join posting p on p.journal_entry_id = e.id"
                        + " where e.entry_type = ?3 and p.account_type = 'MERCHANT_PENDING' and p.account_owner = ?1"
                        + " and e.created_at < ?2 and not exists (select 1 from settlement_line l where l.kind in"
                        + " ('ADJUSTMENT_CREDIT', 'ADJUSTMENT_DEBIT') and l.reference = e.reference_id)"
                        + " group by e.reference_id, p.currency order by max(e.created_at), e.reference_id")
                .setParameter(1, merchantId).setParameter(2, before).setParameter(3, PostingRules.CASE_ACCEPTED)
                .getResultList();
        for (Object[] r : adjustments) {
            long debit = ((Number) r[2]).longValue();
            if (debit != 0) {
                line(byCurrency, debit > 0 ? SettlementLine.Kind.ADJUSTMENT_DEBIT : SettlementLine.Kind.ADJUSTMENT_CREDIT,
                        new Object[] {r[0], r[1], Math.abs(debit), 0L, r[3]}, null);
            }
        }
        List<String> made = new ArrayList<>();
        for (Map.Entry<String, List<Line>> e : byCurrency.entrySet()) {
            batch(merchantId, e.getKey(), day, e.getValue()).ifPresent(made::add);
        }
        return made;
    }

    private static void line(Map<String, List<Line>> byCurrency, SettlementLine.Kind kind, Object[] r, String orderId) {
        String currency = (String) r[1];
        SettlementLine line = new SettlementLine(kind, (String) r[0], Money.ofMinor(((Number) r[2]).longValue(), currency),
                Money.ofMinor(((Number) r[3]).longValue(), currency));
        byCurrency.computeIfAbsent(currency, c -> new ArrayList<>())
                .add(new Line(line, orderId, SqlValues.instant(r[4])));
    }

    private Optional<String> batch(String merchantId, String currency, LocalDate day, List<Line> lines) {
        Money net = SettlementRules.net(Currencies.require(currency), lines.stream().map(Line::line).toList());
        if (!SettlementRules.payable(net)) {
            LOG.info(() -> "settlement of " + merchantId + " " + currency + " for " + day + ": net " + net
                    + ", nothing to pay; its " + lines.size() + " line(s) are carried forward");
            return Optional.empty();
        }
        Number existing = (Number) em.createNativeQuery("select count(*) from settlement where merchant_id = ?1"
                        + " and currency = ?2 and settlement_day = ?3")
                .setParameter(1, merchantId).setParameter(2, currency).setParameter(3, day).getSingleResult();
        if (existing.longValue() > 0) {
            return Optional.empty(); // the day's batch exists; these lines wait for the next day's
        }
        long gross = 0;
        long refunds = 0;
        long fees = 0;
        long adjustments = 0;
        for (Line l : lines) {
            switch (l.line().kind()) {
                case CAPTURE -> {
                    gross += l.line().gross().minorUnits();
                    fees += l.line().fee().minorUnits();
                }
                case REFUND -> {
                    refunds += l.line().gross().minorUnits();
                    fees -= l.line().fee().minorUnits();
                }
                case ADJUSTMENT_CREDIT, ADJUSTMENT_DEBIT -> adjustments += l.line().net().minorUnits();
            }
        }
        String id = Ids.next("stl");
        em.createNativeQuery("insert into settlement (id, merchant_id, currency, settlement_day, state, gross_minor,"
                        + " refunds_minor, fees_minor, net_minor, line_count, created_at, version, adjustments_minor)"
                        + " values (?1, ?2, ?3, ?4, 'DRAFT', ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11)")
                .setParameter(1, id).setParameter(2, merchantId).setParameter(3, currency).setParameter(4, day)
                .setParameter(5, gross).setParameter(6, refunds).setParameter(7, fees)
                .setParameter(8, net.minorUnits()).setParameter(9, lines.size())
                .setParameter(10, Timestamp.from(clock.instant())).setParameter(11, adjustments).executeUpdate();
        for (Line l : lines) {
            em.createNativeQuery("insert into settlement_line (kind, reference, settlement_id, order_id, moved_at,"
                            + " gross_minor, fee_minor, net_minor) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, l.line().kind().name()).setParameter(2, l.line().reference())
                    .setParameter(3, id).setParameter(4, l.orderId()).setParameter(5, Timestamp.from(l.movedAt()))
                    .setParameter(6, l.line().gross().minorUnits()).setParameter(7, l.line().fee().minorUnits())
                    .setParameter(8, l.line().net().minorUnits()).executeUpdate();
        }
        LOG.info(() -> "settlement " + id + " of " + merchantId + " for " + day + ": DRAFT, " + lines.size()
                + " line(s), net " + net);
        return Optional.of(id);
    }

    /**
     * Approves a DRAFT: its net moves from the merchant's pending balance to payable.
     *
     * @throws PayrailException SETTLEMENT_NOT_FOUND, SETTLEMENT_STATE_CONFLICT
     */
    public SettlementView approve(String id, String operator) {
        SettlementView s = get(id);
        int updated = em.createNativeQuery("update settlement set state = 'APPROVED', approved_by = ?2,"
                        + " approved_at = ?3, version = version + 1 where id = ?1 and state = 'DRAFT'")
                .setParameter(1, id).setParameter(2, operator).setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (updated == 0) {
            throw conflict(s, "only a DRAFT can be approved");
        }
        ledger.book(PostingRules.settlementApproved(id, s.merchantId(), s.net(), clock.instant()));
        return get(id);
    }

    /**
     * What the payout of an APPROVED settlement sends: the settlement, the merchant's account and
     * name, fixed on the settlement at the first attempt so that every retry is the identical request.
     *
     * @throws PayrailException SETTLEMENT_NOT_FOUND, SETTLEMENT_STATE_CONFLICT, VALIDATION_FAILED (no payout account)
     */
    public Payout payout(String id) {
        SettlementView s = get(id);
        if (!"APPROVED".equals(s.state())) {
            throw conflict(s, "only an APPROVED settlement is paid out");
        }
        Object[] m = (Object[]) em.createNativeQuery("select coalesce(s.payout_account, m.payout_account), m.payout_name"
                        + " from settlement s join merchant m on m.id = s.merchant_id where s.id = ?1")
                .setParameter(1, id).getSingleResult();
        if (m[0] == null || m[1] == null) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "merchant " + s.merchantId()
                    + " has no payout account: set it (PUT /api/operator/settlements/accounts/" + s.merchantId()
                    + ") and pay again");
        }
        em.createNativeQuery("update settlement set payout_account = ?2 where id = ?1 and payout_account is null")
                .setParameter(1, id).setParameter(2, m[0]).executeUpdate();
        return new Payout(s, (String) m[0], (String) m[1]);
    }

    /** Records the bank's decision; a PAID settlement is booked out of the bank once and notified. */
    public SettlementView recordPayout(String id, PayoutBank.Outcome outcome) {
        Instant now = clock.instant();
        if (PayoutBank.Outcome.EXECUTED.equals(outcome.status())) {
            int updated = em.createNativeQuery("update settlement set state = 'PAID', transfer_id = ?2, paid_at = ?3,"
                            + " version = version + 1 where id = ?1 and state = 'APPROVED'")
                    .setParameter(1, id).setParameter(2, outcome.transferId()).setParameter(3, Timestamp.from(now))
                    .executeUpdate();
            SettlementView s = get(id);
            if (updated == 1) {
                ledger.book(PostingRules.settlementPaid(id, s.merchantId(), s.net(), now));
                notifications.enqueue(s.merchantId(), "SETTLEMENT", id, "settlement.paid", s.toJson());
                LOG.info(() -> "settlement " + id + " PAID: " + s.net() + " to " + s.merchantId() + ", transfer "
                        + outcome.transferId());
            }
            return s;
        }
        if (PayoutBank.Outcome.REJECTED.equals(outcome.status())) {
            em.createNativeQuery("update settlement set state = 'FAILED', failure = ?2, version = version + 1"
                            + " where id = ?1 and state = 'APPROVED'")
                    .setParameter(1, id).setParameter(2, SqlValues.fit(outcome.detail(), 255)).executeUpdate();
            LOG.warning(() -> "settlement " + id + " FAILED: " + outcome.detail());
            return get(id);
        }
        LOG.warning(() -> "settlement " + id + ": payout outcome unknown (" + outcome.detail() + "); pay again");
        return get(id);
    }

    /**
     * A FAILED payout goes back to APPROVED for another attempt, to the merchant's payout account as
     * it is now, under a new transfer reference ({@link SettlementView#transferRef()}). Nothing is
     * booked: a failed payout never left payable.
     *
     * @throws PayrailException SETTLEMENT_NOT_FOUND, SETTLEMENT_STATE_CONFLICT (not FAILED, or the
     *         account is still the one the bank rejected)
     */
    public SettlementView retry(String id, String operator) {
        SettlementView s = get(id);
        Object[] accounts = (Object[]) em.createNativeQuery("select s.payout_account, m.payout_account from settlement s"
                        + " join merchant m on m.id = s.merchant_id where s.id = ?1")
                .setParameter(1, id).getSingleResult();
        if (!"FAILED".equals(s.state())) {
            throw conflict(s, "only a FAILED payout is tried again");
        }
        if (accounts[1] == null || accounts[1].equals(accounts[0])) {
            throw conflict(s, "the bank rejected account " + accounts[0] + " and the merchant's payout account is"
                    + " still that one: correct it first (PUT /api/operator/settlements/accounts/" + s.merchantId()
                    + "), then try again");
        }
        em.createNativeQuery("update settlement set state = 'APPROVED', payout_attempt = payout_attempt + 1,"
                        + " payout_account = null, version = version + 1 where id = ?1 and state = 'FAILED'")
                .setParameter(1, id).executeUpdate();
        LOG.info(() -> "settlement " + id + ": payout attempt " + (s.payoutAttempt() + 1) + " to the corrected account,"
                + " asked by " + operator + " (the bank rejected " + accounts[0] + ": " + s.failure() + ")");
        return get(id);
    }

    /** Sets the merchant's settlement delay (T+n) and payout account. */
    public void configure(String merchantId, int delayDays, String account, String name) {
        if (delayDays < 0 || delayDays > SettlementRules.MAX_DELAY_DAYS) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "delayDays must be 0 to "
                    + SettlementRules.MAX_DELAY_DAYS);
        }
        int updated = em.createNativeQuery("update merchant set settlement_delay_days = ?2, payout_account = ?3,"
                        + " payout_name = ?4 where id = ?1")
                .setParameter(1, merchantId).setParameter(2, delayDays).setParameter(3, account).setParameter(4, name)
                .executeUpdate();
        if (updated == 0) {
            throw new PayrailException(ErrorCode.MERCHANT_NOT_FOUND, "no merchant " + merchantId);
        }
    }

    /** @throws PayrailException SETTLEMENT_NOT_FOUND */
    public SettlementView get(String id) {
        return find("s.id = ?1", id).stream().findFirst().orElseThrow(() -> notFound(id));
    }

    /** One merchant's settlement, or SETTLEMENT_NOT_FOUND when it is another's. */
    public SettlementView getFor(String merchantId, String id) {
        SettlementView s = get(id);
        if (!s.merchantId().equals(merchantId)) {
            throw notFound(id);
        }
        return s;
    }

    public List<SettlementView> ofMerchant(String merchantId, int limit) {
        return find("s.merchant_id = ?1 order by s.settlement_day desc, s.id limit " + limit, merchantId);
    }

    public List<SettlementView> inState(String state, int limit) {
        return find("s.state = ?1 order by s.settlement_day, s.id limit " + limit, state);
    }

    /** One merchant's settlement's lines, oldest first; SETTLEMENT_NOT_FOUND when it is another's. */
    public List<LineView> lines(String merchantId, String id) {
        getFor(merchantId, id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, reference, order_id, moved_at, gross_minor, fee_minor,"
                        + " net_minor from settlement_line where settlement_id = ?1 order by moved_at, kind, reference")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new LineView((String) r[0], (String) r[1], (String) r[2], SqlValues.instant(r[3]),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue())).toList();
    }

    /** The settlement's lines as CSV (UTF-8, header line, one line per capture, refund or adjustment, oldest first). */
    public String linesCsv(String merchantId, String id) {
        SettlementView s = getFor(merchantId, id);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setHeader("settlement_id", "kind", "reference", "order_id", "time_utc", "gross_minor", "fee_minor",
                        "net_minor", "currency").get())) {
            for (LineView l : lines(merchantId, id)) {
                csv.printRecord(id, l.kind(), l.reference(), l.orderId(), l.movedAt().toString(), l.grossMinor(),
                        l.feeMinor(), l.netMinor(), s.currency());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private List<SettlementView> find(String where, String parameter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from settlement s where " + where)
                .setParameter(1, parameter).getResultList();
        return rows.stream().map(r -> new SettlementView((String) r[0], (String) r[1], (String) r[2],
                SqlValues.localDate(r[3]), (String) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                ((Number) r[7]).longValue(), ((Number) r[8]).longValue(), ((Number) r[9]).intValue(),
                SqlValues.instant(r[10]), (String) r[11], SqlValues.instant(r[12]), (String) r[13],
                SqlValues.instant(r[14]), (String) r[15], ((Number) r[16]).intValue(), ((Number) r[17]).longValue()))
                .toList();
    }




    private static PayrailException notFound(String id) {
        return new PayrailException(ErrorCode.SETTLEMENT_NOT_FOUND, "no settlement " + id
                + " for you; list them with GET /api/v1/settlements");
    }

    private static PayrailException conflict(SettlementView s, String rule) {
        return new PayrailException(ErrorCode.SETTLEMENT_STATE_CONFLICT, "settlement " + s.id() + " is " + s.state()
                + ": " + rule);
    }

    private record Line(SettlementLine line, String orderId, Instant movedAt) {
    }

    /** One line of a settlement as merchants see it; orderId null for an adjustment. */
    public record LineView(String kind, String reference, String orderId, Instant movedAt, long grossMinor,
                           long feeMinor, long netMinor) {
    }

    /** An APPROVED settlement and where its payout goes. */
    public record Payout(SettlementView settlement, String account, String name) {
    }
}
