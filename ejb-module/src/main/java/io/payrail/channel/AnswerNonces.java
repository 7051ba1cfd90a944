package io.payrail.channel;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nonces of the signed answers a channel gave us within its freshness window. A channel signs
 * every answer with a fresh nonce, so an answer whose nonce was seen before is a copy: replayed by
 * someone between us and the channel, and about an earlier exchange, never trusted for this one.
 * Per server (in memory): it narrows what a replay can do, it does not replace binding an answer to
 * its request where a protocol allows that.
 */
public final class AnswerNonces {

    private static final int MAX_REMEMBERED = 200_000;

    private final long windowSeconds;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /** @param windowSeconds how long an answer counts as fresh; a nonce is remembered twice as long */
    public AnswerNonces(long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    /** True the first time {@code nonce} is offered (then it is remembered); false for a copy. */
    public boolean firstTime(String nonce, Instant now) {
        if (seen.putIfAbsent(nonce, now) != null) {
            return false;
        }
        if (seen.size() > 1_000) {
            forgetOld(now);
        }
        return true;
    }

    private void forgetOld(Instant now) {
        Instant horizon = now.minusSeconds(2 * windowSeconds);
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(horizon) || seen.size() > MAX_REMEMBERED) {
                it.remove();
            }
        }
    }
}
