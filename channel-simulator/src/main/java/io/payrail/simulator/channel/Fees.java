package io.payrail.simulator.channel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A channel's fee: a rate in basis points (1/100 of a percent) of the amount taken, rounded
 * half-even to the minor unit. {@code 60} bps of 1000 is 6; of 1050 it is 6.3 → 6; of 1075 it is
 * 6.45 → 6; of 1085, 6.51 → 7.
 */
public record Fees(long basisPoints) implements java.util.function.ToLongFunction<Money> {

    public Fees {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("a fee rate must be 0..10000 basis points");
        }
    }

    @Override
    public long applyAsLong(Money money) {
        return BigDecimal.valueOf(money.amount()).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
