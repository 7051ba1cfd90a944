package io.payrail.simulator.channel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pay request as the ledger sees it, whatever the channel's wire format.
 *
 * @param cardLast4   the card's last four digits (card channels), or null
 * @param agreementId quick pay's agreement, or null; a retry must name the same one
 */
public record PayAttempt(String merchantRef, Money money, String subject, String cardLast4, String agreementId) {

    /** Safe in a URL path segment, a CSV field and a log line; long enough for ULIDs and UUIDs. */
    public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    public static final int MAX_SUBJECT = 256;

    public PayAttempt {
        requireReference(merchantRef, "merchantRef");
        Objects.requireNonNull(money, "money");
        subject = subject == null ? "" : subject;
        if (subject.length() > MAX_SUBJECT) {
            throw new ChannelException(ChannelError.INVALID_REQUEST,
                    "subject must be at most " + MAX_SUBJECT + " characters");
        }
    }

    /** Whether a request for an existing order is a retry of it (same money, same agreement). */
    boolean sameAs(ChannelOrder order) {
        return money.equals(order.requestedMoney()) && Objects.equals(agreementId, order.agreementId());
    }

    /** Checks a merchant or refund reference: 1-64 characters of {@code A-Z a-z 0-9 _ . : -}. */
    public static String requireReference(String value, String name) {
        if (value == null) {
            throw new ChannelException(ChannelError.INVALID_REQUEST, name + " is required");
        }
        if (!REFERENCE.matcher(value).matches()) {
            throw new ChannelException(ChannelError.INVALID_REQUEST,
                    name + " must be 1-64 characters of A-Z a-z 0-9 _ . : -");
        }
        return value;
    }
}
