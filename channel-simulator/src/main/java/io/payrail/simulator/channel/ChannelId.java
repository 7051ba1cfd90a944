package io.payrail.simulator.channel;

import java.util.Locale;

/**
 * The three simulated channels (SIMBANK, the first simulated bank, lives apart in
 * {@code io.payrail.simulator.bank} with its phase-1 protocol). Each has its own path, its own id
 * prefix and its own key pair.
 */
public enum ChannelId {
    /** Bank-card gateway: card payments, some needing the payer's confirmation on a page. */
    CARDGW("cardgw", "cg"),
    /** Quick pay: a card bound once by agreement, then paid with an SMS one-time code. */
    QUICKPAY("quickpay", "qp"),
    /** Third-party wallet: the payer approves in the wallet (redirect or QR code). */
    WALLET("wallet", "wl");

    private final String path;
    private final String prefix;

    ChannelId(String path, String prefix) {
        this.path = path;
        this.prefix = prefix;
    }

    /** Lower-case name used in URLs, file names and configuration keys: {@code cardgw}. */
    public String path() {
        return path;
    }

    /** Prefix of the channel's ids: {@code cg_...} transactions, {@code cgr_...} refunds. */
    public String prefix() {
        return prefix;
    }

    /** Reads {@code CARDGW} or {@code cardgw}; throws {@link IllegalArgumentException} otherwise. */
    public static ChannelId parse(String text) {
        if (text != null) {
            for (ChannelId id : values()) {
                if (id.name().equals(text.toUpperCase(Locale.ROOT))) {
                    return id;
                }
            }
        }
        throw new IllegalArgumentException("unknown channel " + text + " (CARDGW, QUICKPAY or WALLET)");
    }
}
