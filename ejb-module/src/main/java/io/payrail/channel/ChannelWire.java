package io.payrail.channel;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every signed channel connector does on the wire the same way: its HTTP client, telling a
 * refused connection (nothing sent) from a lost answer (maybe processed), path segments, and one log
 * line per outcome. Never anything that reads a body: a request may carry a card.
 */
public final class ChannelWire {

    private static final int MAX_DETAIL_CHARS = 200;

    private ChannelWire() {
    }

    /** A JAX-RS client with the channel's timeouts; after the read timeout an outcome is unknown. */
    public static Client client(long connectTimeoutMillis, long readTimeoutMillis) {
        return ClientBuilder.newBuilder()
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .build();
    }

    /** Whether a failed call never reached the channel (connection refused, no route, unknown host). */
    public static boolean causedByRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The root cause of a failed call, for an outcome's message. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The start of a text, for a log line or an outcome's message. */
    public static String abbreviate(String s) {
        return s == null || s.length() <= MAX_DETAIL_CHARS ? s : s.substring(0, MAX_DETAIL_CHARS) + "…";
    }

    /** The start of an answer's body as text. */
    public static String abbreviate(byte[] body) {
        return abbreviate(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * A path segment as it goes on the request line. Our references keep to the channels' alphabet
     * ({@code A-Z a-z 0-9 _ . : -}); anything else is percent-encoded rather than trusted.
     */
    public static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Whether a base64 SHA256withRSA {@code signature} over exactly {@code signed} verifies with {@code key}. */
    public static boolean rsaSha256Verifies(PublicKey key, byte[] signed, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** At most {@code max} characters of a label, never cutting a surrogate pair. */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    /** A query's meaning never asks for another query. */
    public static ChannelOutcome plain(ChannelAnswers.Meaning meaning, ChannelAnswers.Reply reply) {
        return meaning.queryInstead() ? ChannelOutcome.unknown(reply.detail()) : meaning.outcome();
    }

    /** Every outcome is logged once, with its reason: UNKNOWN and UNAVAILABLE need an operator's eye. */
    public static ChannelOutcome logged(Logger log, String channel, String operation, String reference,
                                        ChannelOutcome outcome) {
        Level level = switch (outcome.status()) {
            case UNKNOWN, UNAVAILABLE -> Level.WARNING;
            default -> Level.FINE;
        };
        log.log(level, () -> channel + " " + operation + " " + reference + ": " + outcome.status()
                + (outcome.channelTxnId() == null ? "" : " " + outcome.channelTxnId())
                + (outcome.code() == null ? "" : " " + outcome.code())
                + (outcome.message() == null ? "" : " (" + outcome.message() + ")"));
        return outcome;
    }

    /** A channel's configured base URL without a trailing slash, for {@code base + "/" + path}. */
    public static java.net.URI baseUri(String url) {
        String stripped = url.strip();
        return java.net.URI.create(stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped);
    }

    /**
     * A refund as the JSON channels (WALLET, CARDGW) answer it, if it is one for our reference:
     * PROCESSING is pending, SUCCEEDED carries the money given back; anything else decides nothing.
     */
    public static ChannelOutcome jsonRefundDecision(jakarta.json.JsonObject refund, String ref) {
        String id = WireJson.text(refund, "refundId");
        String status = WireJson.text(refund, "status");
        if (!ref.equals(WireJson.text(refund, "refundRef")) || id == null || status == null) {
            return null;
        }
        return switch (status) {
            case "PROCESSING" -> ChannelOutcome.pending(id, null);
            case "SUCCEEDED" -> java.util.Optional.ofNullable(WireJson.money(refund, "amount", "currency"))
                    .map(money -> ChannelOutcome.succeeded(id, money)).orElse(null);
            default -> null;
        };
    }

    /**
     * The error codes the signed channels share (wallet.md §7, cardgw.md §7, quickpay.md §8), plus
     * {@code refusals}: the channel's own codes for a request it refused as wrong (nothing moved).
     */
    public static ChannelAnswers.ErrorKind errorKind(Logger log, String channel, int status, String code,
                                                     java.util.Set<String> refusals) {
        if (code == null) {
            return ChannelAnswers.ErrorKind.NONE;
        }
        if (status == 429) {
            return ChannelAnswers.ErrorKind.THROTTLED;
        }
        return switch (code) {
            case "ORDER_NOT_FOUND", "REFUND_NOT_FOUND" -> ChannelAnswers.ErrorKind.NOT_FOUND;
            case "ORDER_CLOSED" -> ChannelAnswers.ErrorKind.CLOSED;
            case "ORDER_PAID" -> ChannelAnswers.ErrorKind.PAID;
            case "MERCHANT_REF_REUSED", "REFUND_REF_REUSED" -> ChannelAnswers.ErrorKind.REFERENCE_REUSED;
            case "INVALID_REQUEST", "CURRENCY_MISMATCH", "REFUND_EXCEEDS_CAPTURED", "ORDER_NOT_PAID" ->
                    ChannelAnswers.ErrorKind.REFUSED;
            case "SIGNATURE_INVALID" -> {
                log.severe(channel + " refused our signature: check that " + channel
                        + " holds the platform's current public key");
                yield ChannelAnswers.ErrorKind.OTHER;
            }
            default -> refusals.contains(code) ? ChannelAnswers.ErrorKind.REFUSED : ChannelAnswers.ErrorKind.OTHER;
        };
    }
}
