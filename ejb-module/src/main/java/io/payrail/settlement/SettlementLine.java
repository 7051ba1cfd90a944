package io.payrail.settlement;

import io.payrail.common.Money;
import java.util.Objects;

/**
 * One line of a settlement: a movement of the merchant's money and what it adds to the payout.
 *
 * @param reference the order, refund or case the line comes from
 * @param gross     the movement's amount, positive
 * @param fee       the platform's fee on it (charged on a capture, given back on a refund), zero or more
 */
public record SettlementLine(Kind kind, String reference, Money gross, Money fee) {

    /** What a line is; its sign in the net follows from it. */
    public enum Kind {
        /** A reconciled capture: + gross − fee. */
        CAPTURE,
        /** A refund of a capture: − gross + the fee share given back. */
        REFUND,
        /** An approved resolution that credits the merchant (the channel's figure accepted): + gross. */
        ADJUSTMENT_CREDIT,
        /** An approved resolution that debits the merchant: − gross. */
        ADJUSTMENT_DEBIT
    }

    public SettlementLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        if (!gross.isPositive() || fee.isNegative()) {
            throw new IllegalArgumentException("a settlement line moves a positive amount with a fee of zero or more: "
                    + gross + ", fee " + fee);
        }
        if (fee.greaterThan(gross)) { // also refuses a fee in another currency
            throw new IllegalArgumentException("a fee of " + fee + " is more than its movement of " + gross);
        }
    }

    /** What the line adds to the merchant's payout (negative for a refund or a debit). */
    public Money net() {
        return switch (kind) {
            case CAPTURE -> gross.minus(fee);
            case REFUND -> fee.minus(gross);
            case ADJUSTMENT_CREDIT -> gross.minus(fee);
            case ADJUSTMENT_DEBIT -> fee.minus(gross);
        };
    }
}
