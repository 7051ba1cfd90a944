package io.payrail.reconciliation;

import io.payrail.audit.TransitionSource;
import io.payrail.common.Money;
import io.payrail.discrepancy.DiscrepancyCases;
import io.payrail.discrepancy.DiscrepancyKind;
import io.payrail.ledger.Ledger;
import io.payrail.ledger.PostingRules;
import io.payrail.order.application.PaymentOrderService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciliation of one channel's day, in chunks of one transaction each (a killed run resumes
 * where it stopped: a classified movement is never looked at again, and the journal's unique
 * (entry type, reference) refuses any second booking).
 * <ol>
 * <li>Every movement of the day's statement is matched with its order (by the order id the channel
 *     knows as merchant reference) or refund (by refund id), and booked as the channel settles it
 *     ({@link PostingRules#channelSettledPayment}, {@link PostingRules#channelSettledRefund}).
 *     An order still PROCESSING at that channel that the statement shows paid becomes SUCCEEDED with
 *     source RECONCILIATION (the statement is the third source of the precedence rule,
 *     docs/channels.md §3).</li>
 * <li>Then the platform's side: what the platform captured or refunded at that channel in that UTC
 *     day and the statement does not list is MISSING_AT_CHANNEL (its case closes by itself as
 *     CROSS_DAY if a later day's statement lists it).</li>
 * </ol>
 * Every difference becomes a {@link DiscrepancyCases case} whose money waits in suspense.
 */
@Stateless
public class Reconciliation {

    /**
     * Movements classified in one transaction. Every query of a step makes the persistence context
     * check all it holds (the chunk's movements, journal entries and postings) for changes to flush
     * first, so a step's cost grows with the square of the chunk: 500 cost 7 to 35 ms a movement.
     */
    public static final int CHUNK = 100;

    private static final Set<String> PAID = Set.of("SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED");

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Ledger ledger;

    @Inject
    private DiscrepancyCases cases;

    @Inject
    private PaymentOrderService orders;

    @Inject
    private ChannelFeeContracts fees;

    /** How many movements of the day are still to classify, and how many the day has. */
    public long[] remaining(String channelId, LocalDate day) {
        Object[] r = em.createQuery("select count(m), sum(case when m.reconClass is null then 1 else 0 end)"
                        + " from ChannelMovement m where m.channelId = :c and m.statementDay = :d", Object[].class)
                .setParameter("c", channelId).setParameter("d", day).getSingleResult();
        long total = ((Number) r[0]).longValue();
        long open = r[1] == null ? 0 : ((Number) r[1]).longValue();
        return new long[] {open, total};
    }

    /** Classifies and books up to {@code limit} movements of the day not classified yet; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int reconcileNext(String channelId, LocalDate day, int limit) {
        List<ChannelMovement> chunk = em.createQuery("select m from ChannelMovement m where m.channelId = :c"
                        + " and m.statementDay = :d and m.reconClass is null order by m.movedAt, m.id",
                        ChannelMovement.class)
                .setParameter("c", channelId).setParameter("d", day).setMaxResults(limit).getResultList();
        Known known = known(channelId, chunk);
        for (ChannelMovement m : chunk) {
            if (m.isRefund()) {
                refund(m, known);
            } else {
                payment(m, known);
            }
            if (m.reconRef() != null) {
                // classified: a later movement of the same reference is a second one
                known.matched.add((m.isRefund() ? "REFUND|" : "PAYMENT|") + m.reconRef());
            }
        }
        return chunk.size();
    }

    /**
     * What a chunk's movements are looked up against, read in a few queries for the whole chunk
     * instead of several per movement: their orders and refunds, the late payments already booked,
     * the references already matched, the open missing-at-channel cases. Kept up to date as the chunk
     * is classified (a reference matched earlier in the chunk counts as matched before).
     */
    private Known known(String channelId, List<ChannelMovement> chunk) {
        Set<String> orderIds = new HashSet<>();
        Set<String> refundIds = new HashSet<>();
        for (ChannelMovement m : chunk) {
            if (m.isRefund()) {
                refundIds.add(m.refundRef());
            } else {
                orderIds.add(m.merchantRef());
                int dot = m.merchantRef().lastIndexOf('.');
                if (dot > 0) {
                    orderIds.add(m.merchantRef().substring(0, dot));
                }
            }
        }
        Known known = new Known();
        rows(ORDER_ROW + " where id in (?1)", orderIds).forEach(r -> known.orders.put(r.id(), r));
        rows(REFUND_ROW + " where id in (?1)", refundIds).forEach(r -> known.refunds.put(r.id(), r));
        Set<String> lateRefs = new HashSet<>(orderIds);
        chunk.stream().filter(m -> !m.isRefund()).forEach(m -> lateRefs.add(m.merchantRef() + ":" + channelId));
        known.latePayments.addAll(this.<String>select("select reference_id from journal_entry where entry_type = ?2"
                + " and reference_id in (?1)", lateRefs, PostingRules.LATE_PAYMENT_CAPTURED));
        Set<String> refs = new HashSet<>(orderIds);
        refs.addAll(refundIds);
        known.matched.addAll(this.<String>select("select concat(movement_type, '|', recon_ref) from channel_movement"
                + " where recon_ref in (?1) and recon_class is not null", refs));
        for (Object[] r : this.<Object[]>select("select aggregate_type, aggregate_id, id from channel_discrepancy"
                + " where aggregate_type in ('ORDER', 'REFUND') and aggregate_id in (?1) and kind = ?2 and channel_id = ?3"
                + " and state <> 'RESOLVED'", refs,
                DiscrepancyKind.MISSING_AT_CHANNEL.name(), channelId)) {
            known.missingAtChannel.put(r[0] + "|" + r[1], (String) r[2]);
        }
        return known;
    }

    private void payment(ChannelMovement m, Known known) {
        String ch = m.channelId();
        Instant now = clock.instant();
        ledger.book(PostingRules.channelSettledPayment(m.id(), ch, m.amount(), m.fee(), now));
        Optional<Row> found = Optional.ofNullable(known.orders.get(m.merchantRef()));
        int dot = m.merchantRef().lastIndexOf('.');
        if (found.isEmpty() && dot > 0) {
            found = Optional.ofNullable(known.orders.get(m.merchantRef().substring(0, dot)));
        }
        if (found.isEmpty()) {
            m.classify(ReconClass.MISSING_AT_PLATFORM, null, cases.raise(DiscrepancyKind.MISSING_AT_PLATFORM, ch,
                    "PAYMENT_LINE", m.id(), null, m.channelTxnId(), Money.zero(m.amount().currency()), m.amount(),
                    m.statementDay(), m.id(), "no order " + m.merchantRef()), now);
            return;
        }
        Row o = found.get();
        // the order's channel under the reference it holds the order by (a cashier order's latest attempt)
        boolean own = ch.equals(o.channelId()) && m.merchantRef().equals(o.channelRef());
        if (own && "PROCESSING".equals(o.state()) && !o.held()) {
            // the statement's word: paid (or other money, which holds the order and raises its case)
            orders.recordSuccess(o.id(), ch, m.merchantRef(), m.channelTxnId(), m.amount(), TransitionSource.RECONCILIATION);
            o = order(o.id()).orElseThrow();
            known.orders.put(o.id(), o);
        }
        // the reference LatePayments books a payment that does not hold the order under
        if (known.latePayments.contains(own ? o.id() : m.merchantRef() + ":" + ch)) {
            // the channel reported it before: it is in suspense, on its way back to the payer
            m.classify(ReconClass.MATCHED, o.id(), null, now);
        } else if (own && o.held()) {
            Optional<String> held = cases.heldCase(ch, "ORDER", o.id());
            m.classify(m.amount().currency().equals(o.amount().currency()) ? ReconClass.AMOUNT_MISMATCH
                    : ReconClass.CURRENCY_MISMATCH, o.id(), held.orElse(null), now);
        } else if (own && PAID.contains(o.state()) && !known.matched.contains("PAYMENT|" + o.id())) {
            compare(m, "ORDER", o, o.amount(), m.amount(), known);
        } else {
            String why = own ? "the order is " + o.state() + (PAID.contains(o.state()) ? " and listed before" : "")
                    : "the order is at " + o.channelId();
            m.classify(ReconClass.STATE_MISMATCH, o.id(), cases.raise(DiscrepancyKind.STATE_MISMATCH, ch, "ORDER",
                    o.id(), o.merchantId(), m.channelTxnId(), Money.zero(m.amount().currency()), m.amount(),
                    m.statementDay(), m.id(), "paid at the channel but " + why), now);
        }
    }

    private void refund(ChannelMovement m, Known known) {
        String ch = m.channelId();
        Instant now = clock.instant();
        ledger.book(PostingRules.channelSettledRefund(m.id(), ch, m.amount(), now));
        Optional<Row> found = Optional.ofNullable(known.refunds.get(m.refundRef()));
        if (found.isEmpty()) {
            m.classify(ReconClass.MISSING_AT_PLATFORM, null, cases.raise(DiscrepancyKind.MISSING_AT_PLATFORM, ch,
                    "REFUND_LINE", m.id(), null, m.channelTxnId(), Money.zero(m.amount().currency()), m.amount(),
                    m.statementDay(), m.id(), "no refund " + m.refundRef()), now);
            return;
        }
        Row r = found.get();
        boolean own = ch.equals(r.channelId());
        if (own && r.held()) {
            m.classify(ReconClass.AMOUNT_MISMATCH, r.id(), cases.heldCase(ch, "REFUND", r.id()).orElse(null), now);
        } else if (own && "SUCCEEDED".equals(r.state()) && !known.matched.contains("REFUND|" + r.id())) {
            compare(m, "REFUND", r, r.amount(), m.amount(), known);
        } else {
            m.classify(ReconClass.STATE_MISMATCH, r.id(), cases.raise(DiscrepancyKind.STATE_MISMATCH, ch, "REFUND",
                    r.id(), r.merchantId(), m.channelTxnId(), Money.zero(m.amount().currency()), m.amount(),
                    m.statementDay(), m.id(), "refunded at the channel but the refund is " + r.state()
                            + (own ? "" : " at " + r.channelId())), now);
        }
    }

    /** A known, settled order or refund on its own channel: matched, late, or another figure. */
    private void compare(ChannelMovement m, String type, Row row, Money platform, Money channel, Known known) {
        Instant now = clock.instant();
        if (!platform.currency().equals(channel.currency()) || !platform.equals(channel)) {
            DiscrepancyKind kind = platform.currency().equals(channel.currency()) ? DiscrepancyKind.AMOUNT_MISMATCH
                    : DiscrepancyKind.CURRENCY_MISMATCH;
            m.classify(ReconClass.valueOf(kind.name()), row.id(), cases.raise(kind, m.channelId(), type, row.id(),
                    row.merchantId(), m.channelTxnId(), platform, channel, m.statementDay(), m.id(),
                    "platform " + platform + ", channel " + channel), now);
            return;
        }
        Optional<String> late = Optional.ofNullable(known.missingAtChannel.remove(type + "|" + row.id()));
        late.ifPresent(caseId -> cases.closeCrossDay(caseId, m.statementDay()));
        Optional<Money> contractFee = "ORDER".equals(type) ? fees.expectedFee(m.channelId(), m.amount()) : Optional.empty();
        if (contractFee.isPresent() && !contractFee.get().equals(m.fee())) {
            m.classify(ReconClass.FEE_MISMATCH, row.id(), cases.raise(DiscrepancyKind.FEE_MISMATCH, m.channelId(), type,
                    row.id(), row.merchantId(), m.channelTxnId(), contractFee.get(), m.fee(), m.statementDay(), m.id(),
                    "contract fee " + contractFee.get() + ", the channel deducted " + m.fee()), now);
        } else if (late.isPresent()) {
            m.classify(ReconClass.CROSS_DAY, row.id(), late.get(), now);
        } else {
            m.classify(ReconClass.MATCHED, row.id(), null, now);
        }
    }

    /**
     * The platform's side of the day: captures and refunds finished at this channel in that UTC
     * day that no movement matched. Run after every movement of the day is classified.
     *
     * @return how many cases it raised
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int missingAtChannel(String channelId, LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // what finished after the latest file was fetched cannot be on it yet (today's file grows):
        // the bank decided before the platform recorded it, so anything recorded before is listed
        Instant fetched = em.createQuery("select max(f.fetchedAt) from StatementFile f where f.channelId = :c"
                        + " and f.statementDay = :d and f.status = :s", Instant.class)
                .setParameter("c", channelId).setParameter("d", day).setParameter("s", StatementFile.IMPORTED)
                .getSingleResult();
        if (fetched == null) {
            return 0;
        }
        if (fetched.isBefore(to)) {
            to = fetched;
        }
        int raised = 0;
        for (String[] spec : new String[][] {
                {"ORDER", "payment_order", "state in ('SUCCEEDED','PARTIALLY_REFUNDED','REFUNDED')", "PAYMENT"},
                {"REFUND", "refund", "state = 'SUCCEEDED'", "REFUND"}}) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select t.id, t.merchant_id, t.amount_minor, t.currency from "
                            + spec[1] + " t where t.channel_id = ?1 and t.finished_at >= ?2 and t.finished_at < ?3 and t."
                            + spec[2] + " and t.held_at is null and not exists (select 1 from channel_movement m"
                            + " where m.recon_ref = t.id and m.movement_type = '" + spec[3] + "')")
                    .setParameter(1, channelId).setParameter(2, from).setParameter(3, to).getResultList();
            for (Object[] r : rows) {
                String id = (String) r[0];
                if (cases.openCase(DiscrepancyKind.MISSING_AT_CHANNEL, channelId, spec[0], id).isPresent()) {
                    continue;
                }
                Money amount = Money.ofMinor(((Number) r[2]).longValue(), (String) r[3]);
                cases.raise(DiscrepancyKind.MISSING_AT_CHANNEL, channelId, spec[0], id, (String) r[1], null, amount,
                        Money.zero(amount.currency()), day, null, "not on the statement of " + day);
                raised++;
            }
        }
        return raised;
    }

    /** How the day's movements were classified. */
    public Map<ReconClass, Long> classes(String channelId, LocalDate day) {
        Map<ReconClass, Long> out = new EnumMap<>(ReconClass.class);
        for (Object[] r : em.createQuery("select m.reconClass, count(m) from ChannelMovement m where m.channelId = :c"
                        + " and m.statementDay = :d and m.reconClass is not null group by m.reconClass", Object[].class)
                .setParameter("c", channelId).setParameter("d", day).getResultList()) {
            out.put((ReconClass) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    private static final String ORDER_ROW = "select id, merchant_id, channel_id, state, amount_minor, currency,"
            + " held_at, COALESCE(channel_ref, id) from payment_order";
    private static final String REFUND_ROW = "select id, merchant_id, channel_id, state, amount_minor, currency,"
            + " held_at, id from refund";

    private Optional<Row> order(String id) {
        return rows(ORDER_ROW + " where id in (?1)", Set.of(id)).stream().findFirst();
    }

    private List<Row> rows(String sql, Set<String> ids) {
        return this.<Object[]>select(sql, ids).stream().map(r -> new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                Money.ofMinor(((Number) r[4]).longValue(), (String) r[5]), r[6] != null, (String) r[7])).toList();
    }

    /** A native query whose first parameter is a list of ids (none: no rows, no query). */
    @SuppressWarnings("unchecked")
    private <T> List<T> select(String sql, Set<String> ids, Object... more) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var query = em.createNativeQuery(sql).setParameter(1, List.copyOf(ids));
        for (int i = 0; i < more.length; i++) {
            query.setParameter(i + 2, more[i]);
        }
        return query.getResultList();
    }

    /** What one chunk is looked up against ({@link #known}); by reference, keyed {@code TYPE|id} where typed. */
    private static final class Known {
        final Map<String, Row> orders = new HashMap<>();
        final Map<String, Row> refunds = new HashMap<>();
        final Set<String> latePayments = new HashSet<>();
        final Set<String> matched = new HashSet<>();
        final Map<String, String> missingAtChannel = new HashMap<>();
    }

    /** An order or refund as reconciliation needs it; channelRef: what its channel knows it by. */
    private record Row(String id, String merchantId, String channelId, String state, Money amount, boolean held,
                       String channelRef) {
    }
}
