package io.payrail.fee;

import java.util.Objects;

/**
 * What a rate plan charges for one payment, in minor units of the plan's currency: {@code rateBps}
 * basis points of the amount plus {@code fixedMinor}, at least {@code minMinor} and at most
 * {@code maxMinor} (none when null), and never more than the payment itself.
 */
public record FeeTerms(int rateBps, long fixedMinor, long minMinor, Long maxMinor, RefundPolicy refundPolicy) {

    public static final int MAX_RATE_BPS = 10_000;

    public FeeTerms {
        Objects.requireNonNull(refundPolicy, "refundPolicy");
        if (rateBps < 0 || rateBps > MAX_RATE_BPS) {
            throw new IllegalArgumentException("rateBps must be 0 to " + MAX_RATE_BPS + " (100 %)");
        }
        if (fixedMinor < 0 || minMinor < 0) {
            throw new IllegalArgumentException("fixedMinor and minMinor are never negative");
        }
        if (maxMinor != null && maxMinor < minMinor) {
            throw new IllegalArgumentException("maxMinor must be at least minMinor");
        }
    }

    /** No fee at all: what a payment without a rate plan is charged. */
    public static final FeeTerms FREE = new FeeTerms(0, 0, 0, null, RefundPolicy.KEEP);
}
