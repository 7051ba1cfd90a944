package io.payrail.settlement;

import io.payrail.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

/**
 * The settlement arithmetic and schedule, stated once (docs/settlement.md has them with a worked
 * example):
 * <ul>
 * <li>a movement belongs to the UTC day it happened on; it is settled on that day plus the
 *     merchant's delay, T+{@value #DEFAULT_DELAY_DAYS} unless the merchant has its own T+n;</li>
 * <li>a batch's net is the sum of its lines' nets, in minor units, with no rounding (every line is
 *     already whole minor units: fees were rounded once, at capture and at refund);</li>
 * <li>a batch whose net is not positive pays nothing: its lines stay in the merchant's pending
 *     balance and are carried into the next settlement day's batch.</li>
 * </ul>
 */
public final class SettlementRules {

    public static final int DEFAULT_DELAY_DAYS = 1;
    public static final int MAX_DELAY_DAYS = 30;

    private SettlementRules() {
    }

    /** The day a movement at {@code at} is settled on, for a merchant settled T+{@code delayDays}. */
    public static LocalDate settlementDay(Instant at, int delayDays) {
        if (delayDays < 0 || delayDays > MAX_DELAY_DAYS) {
            throw new IllegalArgumentException("a settlement delay is 0 to " + MAX_DELAY_DAYS + " days, not "
                    + delayDays);
        }
        return at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(delayDays);
    }

    /** The batch's net: what the merchant is paid for these lines (all of one currency). */
    public static Money net(Currency currency, List<SettlementLine> lines) {
        Money net = Money.zero(currency);
        for (SettlementLine line : lines) {
            net = net.plus(line.net());
        }
        return net;
    }

    /** Whether a batch with this net is paid, or carried forward to the next settlement day. */
    public static boolean payable(Money net) {
        return net.isPositive();
    }
}
