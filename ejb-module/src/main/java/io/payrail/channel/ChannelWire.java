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
}
