package io.payrail.simulator.channel;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which requests (or callbacks) a failure hits: the next {@code next} of them, and for each listed
 * merchant reference the next N of that reference's. A reference's own count is used first.
 */
public record Targets(int next, Map<String, Integer> refs) {

    public static final Targets NONE = new Targets(0, Map.of());

    public Targets {
        if (next < 0) {
            throw new IllegalArgumentException("next must not be negative");
        }
        TreeMap<String, Integer> kept = new TreeMap<>();
        refs.forEach((ref, count) -> {
            if (ref == null || ref.isEmpty()) {
                throw new IllegalArgumentException("refs keys must be merchant references");
            }
            if (count == null || count < 0) {
                throw new IllegalArgumentException("refs counts must not be negative");
            }
            if (count > 0) {
                kept.put(ref, count);
            }
        });
        refs = Map.copyOf(kept);
    }

    public boolean isEmpty() {
        return next == 0 && refs.isEmpty();
    }

    /** What is left after hitting one for {@code merchantRef}, or null when this does not hit it. */
    Targets consume(String merchantRef) {
        Integer forRef = merchantRef == null ? null : refs.get(merchantRef);
        if (forRef != null) {
            Map<String, Integer> left = new HashMap<>(refs);
            left.put(merchantRef, forRef - 1);
            return new Targets(next, left);
        }
        if (next > 0) {
            return new Targets(next - 1, refs);
        }
        return null;
    }

    /** These targets with a change merged in: a new {@code next}, ref counts merged (0 removes one). */
    Targets merge(Integer newNext, Map<String, Integer> refChanges) {
        Map<String, Integer> merged = new HashMap<>(refs);
        if (refChanges != null) {
            merged.putAll(refChanges);
        }
        return new Targets(newNext != null ? newNext : next, merged);
    }
}
