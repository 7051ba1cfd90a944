package io.payrail.reconciliation;

import io.payrail.common.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What each channel may deduct on a payment by contract: basis points of the amount, rounded half
 * even to the minor unit (the banks' rule, channel-simulator/PROTOCOL.md). Configured per channel as
 * {@code payrail.channel.<id>.fee-bps}; SIMBANK's 25 and SIMBANK2's 30 are the defaults (their
 * published terms). A channel without a contract is not checked: its statement's fee stands.
 */
@ApplicationScoped
public class ChannelFeeContracts {

    private static final Map<String, Long> DEFAULT_BPS = Map.of("SIMBANK", 25L, "SIMBANK2", 30L);

    /** The fee the channel's contract allows on a payment of {@code amount}, if it has one. */
    public Optional<Money> expectedFee(String channelId, Money amount) {
        return bps(channelId).map(bps -> fee(amount, bps));
    }

    private static Optional<Long> bps(String channelId) {
        Optional<Long> configured = ConfigProvider.getConfig().getOptionalValue(
                "payrail.channel." + channelId.toLowerCase(Locale.ROOT) + ".fee-bps", Long.class);
        return configured.isPresent() ? configured : Optional.ofNullable(DEFAULT_BPS.get(channelId));
    }

    /** {@code amount × bps / 10,000}, half even at the currency's minor unit. */
    static Money fee(Money amount, long bps) {
        long minor = BigDecimal.valueOf(amount.minorUnits()).multiply(BigDecimal.valueOf(bps))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN).longValueExact();
        return Money.ofMinor(minor, amount.currency());
    }
}
