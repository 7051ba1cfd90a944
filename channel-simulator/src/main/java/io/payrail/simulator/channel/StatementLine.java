package io.payrail.simulator.channel;

import java.time.Instant;
import java.util.Comparator;

/**
 * One money movement in a channel's daily statement.
 *
 * @param type       {@code PAYMENT} (money taken from the payer) or {@code REFUND} (money given back)
 * @param amount     always positive, in minor units; the type says which way it went
 * @param fee        the channel's fee for a payment; 0 for a refund (fees are not returned)
 * @param refundRef  the platform's refund reference, null for a payment (likewise refundId)
 */
public record StatementLine(String transactionId, String merchantRef, String type, long amount, String currency,
                            long fee, Instant at, String refundRef, String refundId) {

    public static final String PAYMENT = "PAYMENT";
    public static final String REFUND = "REFUND";

    /** A statement's order: oldest first; at the same time payments before refunds, then by ids. */
    public static final Comparator<StatementLine> ORDER = Comparator.comparing(StatementLine::at)
            .thenComparing(StatementLine::type).thenComparing(StatementLine::transactionId)
            .thenComparing(l -> l.refundId() == null ? "" : l.refundId());
}
