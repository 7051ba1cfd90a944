package io.payrail.simulator.bank;

import java.util.Optional;

/**
 * How the simulated bank picks declines: from the last two digits of the amount in minor units,
 * so a test chooses its outcome by choosing its amount (10.13 USD declines, 10.00 is approved).
 * <ul>
 * <li>{@code ..13} → {@link DeclineCode#INSUFFICIENT_FUNDS}</li>
 * <li>{@code ..14} → {@link DeclineCode#DO_NOT_HONOR}</li>
 * <li>anything else → approved</li>
 * </ul>
 */
public final class DeclineRule {

    private DeclineRule() {
    }

    /** The decline for this amount, or empty when the bank approves it. */
    public static Optional<DeclineCode> declineFor(long amountMinor) {
        int lastTwoDigits = (int) Math.abs(amountMinor % 100);
        return switch (lastTwoDigits) {
            case 13 -> Optional.of(DeclineCode.INSUFFICIENT_FUNDS);
            case 14 -> Optional.of(DeclineCode.DO_NOT_HONOR);
            default -> Optional.empty();
        };
    }
}
