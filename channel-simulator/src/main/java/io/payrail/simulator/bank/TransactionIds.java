package io.payrail.simulator.bank;

import java.util.UUID;
import java.util.function.Supplier;

/** The bank's own transaction ids: a channel prefix and 128 random bits, unique across restarts. */
public final class TransactionIds {

    private TransactionIds() {
    }

    /** Ids such as {@code sb_3f2a...} for prefix {@code sb}. */
    public static Supplier<String> withPrefix(String prefix) {
        return () -> prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
