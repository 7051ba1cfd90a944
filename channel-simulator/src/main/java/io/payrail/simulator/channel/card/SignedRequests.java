package io.payrail.simulator.channel.card;

import io.payrail.simulator.channel.ChannelError;
import io.payrail.simulator.channel.ChannelException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the platform's header signature on requests signed in CARDGW's style ({@link CardGwSignature}
 * over {@code METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE\nBODY\n}) under one Authorization scheme:
 * CARDGW's own, and the message gateway's. Refuses a missing or wrong signature, a timestamp outside
 * the clock skew and a nonce seen before (replay).
 */
public final class SignedRequests {

    private static final int MAX_NONCES = 100_000;

    private final String scheme;
    private final Clock clock;
    private final Duration maxClockSkew;
    /** Nonces of signed requests seen within the clock-skew window. */
    private final ConcurrentHashMap<String, Instant> seenNonces = new ConcurrentHashMap<>();

    public SignedRequests(String scheme, Clock clock, Duration maxClockSkew) {
        this.scheme = scheme;
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    /**
     * @throws ChannelException SIGNATURE_INVALID, saying why
     */
    public void verify(PublicKey platformKey, String method, String pathAndQuery, String authorization, byte[] body) {
        CardGwSignature.Authorization auth = CardGwSignature.parseAuthorization(scheme, authorization).orElseThrow(
                () -> new ChannelException(ChannelError.SIGNATURE_INVALID,
                        "missing or malformed Authorization header (" + scheme + ")"));
        Instant signedAt = Instant.ofEpochSecond(auth.timestamp());
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(maxClockSkew)) || signedAt.isAfter(now.plus(maxClockSkew))) {
            throw new ChannelException(ChannelError.SIGNATURE_INVALID, "timestamp outside the allowed clock skew");
        }
        if (!CardGwSignature.verifyRequest(platformKey, method, pathAndQuery, auth, body)) {
            throw new ChannelException(ChannelError.SIGNATURE_INVALID, "signature does not verify");
        }
        if (seenNonces.putIfAbsent(auth.nonce(), signedAt) != null) {
            throw new ChannelException(ChannelError.SIGNATURE_INVALID, "nonce already used");
        }
        forgetOldNonces();
    }

    private void forgetOldNonces() {
        if (seenNonces.size() < 1_000) {
            return;
        }
        Instant horizon = clock.instant().minus(maxClockSkew).minus(maxClockSkew);
        for (Iterator<Instant> it = seenNonces.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(horizon) || seenNonces.size() > MAX_NONCES) {
                it.remove();
            }
        }
    }
}
