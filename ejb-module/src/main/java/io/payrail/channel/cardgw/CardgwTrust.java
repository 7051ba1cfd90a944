package io.payrail.channel.cardgw;

import io.payrail.channel.AnswerNonces;
import io.payrail.channel.ChannelPublicKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Whether something CARDGW signed (an answer, a callback, a statement) can be trusted: its signature
 * verifies with CARDGW's key, under that key's serial, it was signed within {@value #MAX_SKEW_SECONDS}
 * seconds of our clock, and its nonce was not seen before (a copy is a replay).
 */
final class CardgwTrust {

    static final long MAX_SKEW_SECONDS = 300;

    private final Clock clock;
    private final AnswerNonces nonces = new AnswerNonces(MAX_SKEW_SECONDS);

    CardgwTrust(Clock clock) {
        this.clock = clock;
    }

    /** @return null when trusted, else why not (for logs and the outcome's message) */
    String refusal(PublicKey key, Function<String, String> header, byte[] body) {
        String timestamp = header.apply(CardgwSignature.TIMESTAMP);
        String nonce = header.apply(CardgwSignature.NONCE);
        String serial = header.apply(CardgwSignature.SERIAL);
        if (!CardgwSignature.verifies(key, timestamp, nonce, header.apply(CardgwSignature.SIGNATURE), body)) {
            return "its signature is missing or does not verify with CARDGW's key";
        }
        String expected = ChannelPublicKey.keyId(key);
        if (serial != null && !expected.equalsIgnoreCase(serial.strip())) {
            return "it names key " + serial + ", not CARDGW's " + expected;
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "its timestamp " + timestamp + " is not Unix seconds";
        }
        Instant now = clock.instant();
        long skew = Math.abs(now.getEpochSecond() - signedAt);
        if (skew > MAX_SKEW_SECONDS) {
            return "it was signed " + skew + " s " + (signedAt < now.getEpochSecond() ? "ago" : "ahead")
                    + " (at most " + MAX_SKEW_SECONDS + " s)";
        }
        if (!nonces.firstTime(nonce, now)) {
            return "its nonce " + nonce + " was seen before: a copy of an earlier answer";
        }
        return null;
    }
}
