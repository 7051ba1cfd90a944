package io.payrail.simulator.channel;

import io.payrail.simulator.fault.MoneyOverride;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Differences a test makes a channel's statement show for one UTC day, without touching what the
 * channel really did (its book, its answers, its record of charges): the statement is the channel's
 * word, and these make it disagree with the platform's on purpose. Per day:
 * <ul>
 * <li>{@code missing}: references whose lines are left out (a payment's {@code merchantRef}, a refund's
 *     {@code refundRef}): "missing at the channel";</li>
 * <li>{@code amounts}: per reference, the amount and/or currency its line shows instead;</li>
 * <li>{@code fees}: per payment reference, the fee its line shows instead;</li>
 * <li>{@code extra}: lines added, each with a fresh channel transaction id: "extra at the channel"
 *     for a reference the platform knows, or a payment it never heard of.</li>
 * </ul>
 * Thread-safe; kept in memory (a restart or a reset forgets them).
 */
public final class StatementDiffs {

    private final Map<LocalDate, DayDiff> days = new ConcurrentHashMap<>();
    private final String transactionPrefix;

    /** @param transactionPrefix the channel's transaction id prefix, for the extra lines' ids (e.g. {@code sb}) */
    public StatementDiffs(String transactionPrefix) {
        this.transactionPrefix = Objects.requireNonNull(transactionPrefix);
    }

    /** Replaces the differences of {@code day}; an empty diff removes them. Extra lines get their ids now. */
    public DayDiff put(LocalDate day, DayDiff diff) {
        DayDiff withIds = diff.withIds(transactionPrefix);
        if (withIds.isEmpty()) {
            days.remove(day);
        } else {
            days.put(day, withIds);
        }
        return withIds;
    }

    public DayDiff of(LocalDate day) {
        return days.getOrDefault(day, DayDiff.NONE);
    }

    public void clear() {
        days.clear();
    }

    /** The day's lines as the statement shows them, in statement order. */
    public List<StatementLine> apply(LocalDate day, List<StatementLine> lines) {
        DayDiff diff = days.get(day);
        if (diff == null) {
            return lines;
        }
        List<StatementLine> out = new ArrayList<>(lines.size() + diff.extra().size());
        for (StatementLine line : lines) {
            String ref = reference(line);
            if (diff.missing().contains(ref)) {
                continue;
            }
            MoneyOverride money = diff.amounts().get(ref);
            Long fee = StatementLine.PAYMENT.equals(line.type()) ? diff.fees().get(ref) : null;
            out.add(money == null && fee == null ? line : new StatementLine(line.transactionId(), line.merchantRef(),
                    line.type(), money == null ? line.amount() : money.amountOr(line.amount()),
                    money == null ? line.currency() : money.currencyOr(line.currency()),
                    fee == null ? line.fee() : fee, line.at(), line.refundRef(), line.refundId()));
        }
        for (Extra extra : diff.extra()) {
            out.add(extra.line(day));
        }
        out.sort(StatementLine.ORDER);
        return out;
    }

    /** The reference a difference names a line by: a refund's refundRef, a payment's merchantRef. */
    private static String reference(StatementLine line) {
        return StatementLine.REFUND.equals(line.type()) ? line.refundRef() : line.merchantRef();
    }

    /** One day's differences. */
    public record DayDiff(Set<String> missing, Map<String, MoneyOverride> amounts, Map<String, Long> fees,
                          List<Extra> extra) {

        public static final DayDiff NONE = new DayDiff(Set.of(), Map.of(), Map.of(), List.of());

        public DayDiff {
            missing = Collections.unmodifiableSet(new TreeSet<>(missing));
            amounts = MoneyOverride.byReference(amounts, "amounts");
            TreeMap<String, Long> checkedFees = new TreeMap<>();
            fees.forEach((ref, fee) -> {
                if (fee == null || fee < 0) {
                    throw new IllegalArgumentException("fees must be whole minor units, 0 or more");
                }
                checkedFees.put(ref, fee);
            });
            fees = Collections.unmodifiableMap(checkedFees);
            extra = List.copyOf(extra);
        }

        boolean isEmpty() {
            return missing.isEmpty() && amounts.isEmpty() && fees.isEmpty() && extra.isEmpty();
        }

        DayDiff withIds(String prefix) {
            return new DayDiff(missing, amounts, fees, extra.stream().map(e -> e.withIds(prefix)).toList());
        }
    }

    /**
     * A line the channel's statement adds. A {@code REFUND} needs a {@code refundRef}; {@code at} is
     * within the day (default noon UTC).
     */
    public record Extra(String merchantRef, String type, long amount, String currency, long fee, String refundRef,
                        LocalTime at, String transactionId, String refundId) {

        public Extra {
            Objects.requireNonNull(merchantRef, "merchantRef");
            if (!StatementLine.PAYMENT.equals(type) && !StatementLine.REFUND.equals(type)) {
                throw new IllegalArgumentException("an extra line's type is PAYMENT or REFUND");
            }
            if (amount <= 0 || fee < 0 || currency == null || !currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("an extra line needs a positive amount, a fee of 0 or more and a"
                        + " currency of three upper-case letters");
            }
            if (StatementLine.REFUND.equals(type) == (refundRef == null)) {
                throw new IllegalArgumentException("a REFUND line has a refundRef, a PAYMENT line none");
            }
        }

        Extra withIds(String prefix) {
            if (transactionId != null) {
                return this;
            }
            return new Extra(merchantRef, type, amount, currency, fee, refundRef, at, prefix + "_" + hex(),
                    StatementLine.REFUND.equals(type) ? prefix + "r_" + hex() : null);
        }

        StatementLine line(LocalDate day) {
            Instant when = day.atTime(at == null ? LocalTime.NOON : at).toInstant(ZoneOffset.UTC);
            return new StatementLine(transactionId, merchantRef, type, amount, currency,
                    StatementLine.REFUND.equals(type) ? 0 : fee, when, refundRef, refundId);
        }

        private static String hex() {
            return UUID.randomUUID().toString().replace("-", "");
        }
    }
}
