package io.payrail.simulator.channel;

import java.net.URI;
import java.util.Objects;

/**
 * A channel's behaviour that is not a failure: where its callbacks go, how long its refunds take,
 * how callbacks are retried. Set from configuration at start, changeable at run time.
 *
 * @param refundDelayMs 0: refunds succeed at once; more: they are PROCESSING that long, then a callback
 */
public record ChannelSettings(URI callbackUrl, long refundDelayMs, RetrySchedule retries) {

    public ChannelSettings {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(retries, "retries");
        String scheme = callbackUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("callbackUrl must be an http or https URL");
        }
        if (refundDelayMs < 0 || refundDelayMs > FaultSettings.MAX_DELAY_MS) {
            throw new IllegalArgumentException("refundDelayMs must be 0.." + FaultSettings.MAX_DELAY_MS);
        }
    }

    /** {@code https://localhost:8181/api/channel-callbacks/<channel>}: the platform's local default. */
    public static URI defaultCallbackUrl(ChannelId channel) {
        return URI.create("https://localhost:8181/api/channel-callbacks/" + channel.path());
    }
}
