package io.payrail.simulator.channel;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Decline by rule": when money is about to be taken and every condition given matches, the
 * payment is declined with {@code reason} instead. Null conditions match anything.
 *
 * @param amountEndsWith digits the amount in minor units must end with ({@code "13"} matches 1013)
 * @param refs           merchant references it applies to (empty: all)
 * @param remaining      how many more declines it makes (null: no limit)
 */
public record DeclineRule(DeclineReason reason, Long amountAtLeast, Long amountAtMost, String amountEndsWith,
                          String currency, Set<String> refs, Integer remaining) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    public DeclineRule {
        Objects.requireNonNull(reason, "a decline rule needs a reason");
        if (amountEndsWith != null && !DIGITS.matcher(amountEndsWith).matches()) {
            throw new IllegalArgumentException("amountEndsWith must be digits");
        }
        if (remaining != null && remaining < 0) {
            throw new IllegalArgumentException("remaining must not be negative");
        }
        refs = refs == null ? Set.of() : Set.copyOf(refs);
    }

    boolean matches(String merchantRef, Money money) {
        return (remaining == null || remaining > 0)
                && (amountAtLeast == null || money.amount() >= amountAtLeast)
                && (amountAtMost == null || money.amount() <= amountAtMost)
                && (amountEndsWith == null || Long.toString(money.amount()).endsWith(amountEndsWith))
                && (currency == null || currency.equals(money.currency()))
                && (refs.isEmpty() || refs.contains(merchantRef));
    }

    DeclineRule used() {
        return remaining == null ? this : new DeclineRule(reason, amountAtLeast, amountAtMost, amountEndsWith,
                currency, refs, remaining - 1);
    }
}
