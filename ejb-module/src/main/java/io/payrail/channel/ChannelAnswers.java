package io.payrail.channel;

import java.util.function.Supplier;

/**
 * What a channel's answer means for the money: the one table every connector uses, so that two
 * connectors can never read the same answer two ways (docs/channels.md §2 prints it). A connector
 * only translates its wire into a {@link Reply} (transport, HTTP status, the protocol's error code
 * sorted into an {@link ErrorKind}, the decision of a 200 for our reference); the meaning comes
 * from here.
 *
 * <p>The rule behind every row: an answer is a decline, a closure or "never received" only when it
 * proves that no money moved for this very request. Anything that cannot prove it is
 * {@link ChannelOutcome.Status#UNKNOWN}, and the resolver asks again. In particular, for a query or
 * a resend only a 200 with a decision, or the protocol's own "no such reference", is an outcome: a
 * 401, 403 or 429 to a query says nothing about the money, and a refusal of a resend may only mean
 * that an earlier copy was processed.
 */
public final class ChannelAnswers {

    private ChannelAnswers() {
    }

    /** Which request was answered. */
    public enum Exchange {
        /** The first pay or refund request for this reference at this channel. */
        SUBMIT,
        /** The same pay or refund request again: an earlier copy may have been processed. */
        RESEND,
        /** A status query of a payment or a refund. */
        QUERY,
        /** A close (the fence) of an unpaid payment. */
        CLOSE
    }

    /** Whether the request concerned a payment or a refund. */
    public enum Kind {
        PAYMENT,
        REFUND
    }

    /** How the exchange went on the wire. */
    public enum Transport {
        /** Our side failed before sending (keys missing): nothing reached the channel. */
        NOT_SENT,
        /** Connection refused, unknown host: nothing reached the channel. */
        REFUSED,
        /** Timeout, reset, broken answer: the channel may have acted. */
        LOST,
        /** An answer that cannot be trusted (signature, freshness, binding to the request): as if lost. */
        UNTRUSTED,
        /** An HTTP answer (verified, for a signed protocol). */
        ANSWERED
    }

    /** A protocol's error code, sorted by what it says about the reference. */
    public enum ErrorKind {
        /** No error object (a 2xx, or a body that is not one of the protocol's errors). */
        NONE,
        /** The protocol's "the channel has no such reference" (query only). */
        NOT_FOUND,
        /** The reference was closed at the channel: it can never be paid. */
        CLOSED,
        /** A close was refused because the reference was paid. */
        PAID,
        /** The reference already exists there with other money. */
        REFERENCE_REUSED,
        /** A documented refusal that recorded nothing (invalid request, currency, limits...). */
        REFUSED,
        /** Rate limited: not processed, try later. */
        THROTTLED,
        /** Anything else: authentication, permissions, codes the protocol does not document. */
        OTHER
    }

    /**
     * One answer, as its connector read it.
     *
     * @param status     the HTTP status; 0 when {@code transport} is not ANSWERED
     * @param code       the channel's own error code, when the answer carried one
     * @param message    the channel's own error message, when it carried one
     * @param decision   a 200's decision for our reference (SUCCEEDED, DECLINED, PENDING, CLOSED), or
     *                   null when the 200 carried none the connector could read
     * @param references whether the answer names our reference (an error body echoing our
     *                   merchantRef/refundRef, or a 200 for it)
     * @param detail     for logs and the outcome's message: the status and the channel's code and
     *                   message, or what went wrong on the wire
     */
    public record Reply(Transport transport, int status, ErrorKind error, String code, String message,
                        ChannelOutcome decision, boolean references, String detail) {

        public static Reply failed(Transport transport, String detail) {
            if (transport == Transport.ANSWERED) {
                throw new IllegalArgumentException("an answer is made with a status");
            }
            return new Reply(transport, 0, ErrorKind.NONE, null, null, null, false, detail);
        }

        /** A 2xx: its decision for our reference, or null when it carried none we could read. */
        public static Reply decided(int status, ChannelOutcome decision, String detail) {
            return new Reply(Transport.ANSWERED, status, ErrorKind.NONE, null, null, decision, decision != null, detail);
        }

        /** Any other status, with the protocol's error (if any) sorted by its connector. */
        public static Reply error(int status, ErrorKind error, String code, String message, boolean references,
                                  String detail) {
            return new Reply(Transport.ANSWERED, status, error, code, message, null, references, detail);
        }
    }

    /**
     * The meaning of one reply.
     *
     * @param outcome      what the platform records (null when {@code queryInstead})
     * @param queryInstead the answer says only that the channel knows the reference (a pay request
     *                     whose reference exists with other money; a close refused because it was
     *                     paid): the connector must query it and use that answer
     */
    public record Meaning(ChannelOutcome outcome, boolean queryInstead) {

        static Meaning of(ChannelOutcome outcome) {
            return new Meaning(outcome, false);
        }

        static Meaning query() {
            return new Meaning(null, true);
        }
    }

    /**
     * What a close answered: CLOSED, or SUCCEEDED when the channel refused it as paid and its query
     * confirms that; anything else leaves the close unknown (asked again on the schedule).
     */
    public static ChannelOutcome closeOutcome(Reply reply, Supplier<ChannelOutcome> query) {
        Meaning meaning = meaning(Exchange.CLOSE, Kind.PAYMENT, reply);
        if (meaning.queryInstead()) {
            ChannelOutcome queried = query.get();
            return queried.status() == ChannelOutcome.Status.SUCCEEDED ? queried
                    : ChannelOutcome.unknown("the close was refused as paid (" + reply.detail() + "), but the query said "
                    + queried.status() + (queried.message() == null ? "" : " (" + queried.message() + ")"));
        }
        ChannelOutcome outcome = meaning.outcome();
        return switch (outcome.status()) {
            case CLOSED, SUCCEEDED, UNKNOWN -> outcome;
            default -> ChannelOutcome.unknown("the close was answered with " + outcome.status() + ": " + reply.detail());
        };
    }

    /** The table. */
    public static Meaning meaning(Exchange exchange, Kind kind, Reply reply) {
        boolean sending = exchange == Exchange.SUBMIT || exchange == Exchange.RESEND;
        String detail = reply.detail();
        switch (reply.transport()) {
            case NOT_SENT, REFUSED -> {
                // nothing reached the channel: a send may go elsewhere; a query or close learned nothing
                return Meaning.of(sending ? ChannelOutcome.unavailable(detail) : ChannelOutcome.unknown(detail));
            }
            case LOST, UNTRUSTED -> {
                return Meaning.of(ChannelOutcome.unknown(detail));
            }
            case ANSWERED -> {
                // read below
            }
        }
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return Meaning.of(reply.decision() != null ? reply.decision()
                    : ChannelOutcome.unknown("a " + status + " without a decision: " + detail));
        }
        if (status == 503) {
            // refused at the door, not processed: a send may go elsewhere; a query or close learned nothing
            return Meaning.of(sending ? ChannelOutcome.unavailable(detail) : ChannelOutcome.unknown(detail));
        }
        if (status < 400 || status >= 500) {
            return Meaning.of(ChannelOutcome.unknown(detail));
        }
        return refusal(exchange, kind, reply);
    }

    /** A 4xx. */
    private static Meaning refusal(Exchange exchange, Kind kind, Reply reply) {
        String detail = reply.detail();
        ChannelOutcome unknown = ChannelOutcome.unknown(detail);
        return switch (reply.error()) {
            case NOT_FOUND -> Meaning.of(exchange == Exchange.QUERY ? ChannelOutcome.notFound() : unknown);
            // a closed reference can never be paid, whoever asks; a refund learns nothing from it
            case CLOSED -> Meaning.of(kind == Kind.PAYMENT && exchange != Exchange.QUERY ? ChannelOutcome.closed(null) : unknown);
            case PAID -> exchange == Exchange.CLOSE ? Meaning.query() : Meaning.of(unknown);
            case REFERENCE_REUSED -> kind == Kind.PAYMENT && exchange != Exchange.QUERY && exchange != Exchange.CLOSE
                    ? Meaning.query() : Meaning.of(unknown);
            // not processed (throttled), or not the channel's application speaking (a 4xx without the
            // protocol's error object: a proxy, a wrong path): a first send may go elsewhere
            case THROTTLED, NONE -> Meaning.of(exchange == Exchange.SUBMIT ? ChannelOutcome.unavailable(detail) : unknown);
            case REFUSED, OTHER -> Meaning.of(provesNothingMoved(exchange, kind, reply)
                    ? ChannelOutcome.declined(null, reply.code() != null ? reply.code() : "CHANNEL_HTTP_" + reply.status(),
                    reply.message() != null ? reply.message() : detail)
                    : unknown);
        };
    }

    /**
     * A refusal is a decline only for the first send of a request: a resend may be refused because
     * its first copy was processed. A refund must also be named in the refusal: a refusal that could
     * belong to any request is no proof that this refund moved nothing, and a refund wrongly failed
     * makes its amount refundable again (paying the payer twice).
     */
    private static boolean provesNothingMoved(Exchange exchange, Kind kind, Reply reply) {
        if (exchange != Exchange.SUBMIT) {
            return false;
        }
        return kind == Kind.PAYMENT || (reply.references() && reply.error() == ErrorKind.REFUSED);
    }
}
