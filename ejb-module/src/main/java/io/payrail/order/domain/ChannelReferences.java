package io.payrail.order.domain;

/**
 * The reference an order goes by at its channel. A channel decides once per reference (a declined
 * reference stays declined), so a cashier order the payer tries again needs a new one: the first
 * attempt (and every order the platform routes itself) uses the order id, the n-th attempt
 * {@code "<order id>.<n>"}. Order ids never contain a dot, and every channel's reference alphabet
 * ({@code A-Z a-z 0-9 _ . : -}) has one, so the order is always found again from a reference.
 */
public final class ChannelReferences {

    private static final char SEPARATOR = '.';

    private ChannelReferences() {
    }

    /** The reference of attempt {@code attempt} (1 for the first) of order {@code orderId}. */
    public static String of(String orderId, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        return attempt == 1 ? orderId : orderId + SEPARATOR + attempt;
    }

    /** The order a reference belongs to. */
    public static String orderId(String reference) {
        int dot = reference.indexOf(SEPARATOR);
        return dot < 0 ? reference : reference.substring(0, dot);
    }
}
