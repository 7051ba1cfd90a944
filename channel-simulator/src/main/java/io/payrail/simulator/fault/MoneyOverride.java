package io.payrail.simulator.fault;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Other money than asked, for a channel that misbehaves on purpose: when it takes (or gives back)
 * money for a chosen reference, it moves and reports this amount and/or currency instead. A member
 * left null keeps what was asked, so {@code {"amount":500}} is a partial capture in the asked
 * currency and {@code {"currency":"EUR"}} the asked amount in another currency.
 *
 * @param amount   minor units, positive; null: the amount asked
 * @param currency three upper-case letters; null: the currency asked
 */
public record MoneyOverride(Long amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public MoneyOverride {
        if (amount == null && currency == null) {
            throw new IllegalArgumentException(
                    "an override names an amount, a currency or both, e.g. {\"amount\":500}");
        }
        if (amount != null && amount <= 0) {
            throw new IllegalArgumentException("an override's amount must be a positive integer in minor units");
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("an override's currency must be three upper-case letters (ISO 4217)");
        }
    }

    /** {@code current} with {@code changes} merged in by reference; a null value removes that reference. */
    public static Map<String, MoneyOverride> merged(Map<String, MoneyOverride> current,
                                                    Map<String, MoneyOverride> changes) {
        Map<String, MoneyOverride> merged = new HashMap<>(current);
        if (changes != null) {
            changes.forEach((ref, value) -> {
                if (value == null) {
                    merged.remove(ref);
                } else {
                    merged.put(ref, value);
                }
            });
        }
        return merged;
    }

    /**
     * A map of overrides as a plan holds it: checked (no empty reference, no missing value),
     * sorted by reference, unmodifiable.
     *
     * @param name the plan's name for the map, for the error message
     */
    public static Map<String, MoneyOverride> byReference(Map<String, MoneyOverride> overrides, String name) {
        TreeMap<String, MoneyOverride> sorted = new TreeMap<>();
        overrides.forEach((ref, override) -> {
            if (ref == null || ref.isEmpty()) {
                throw new IllegalArgumentException(name + " keys must be references");
            }
            if (override == null) {
                throw new IllegalArgumentException(name + " values must be {\"amount\":...,\"currency\":...}");
            }
            sorted.put(ref, override);
        });
        return Collections.unmodifiableMap(sorted);
    }

    public long amountOr(long asked) {
        return amount != null ? amount : asked;
    }

    public String currencyOr(String asked) {
        return currency != null ? currency : asked;
    }

    @Override
    public String toString() {
        return (amount == null ? "(amount asked)" : amount.toString()) + " " + (currency == null ? "(currency asked)"
                : currency);
    }
}
