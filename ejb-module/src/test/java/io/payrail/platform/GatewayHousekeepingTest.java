package io.payrail.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Finding: nonces were kept a fixed 10 minutes whatever the timestamp window, so a wider window
 * opened a replay gap. A nonce first seen at {@code s} can come back with an acceptable timestamp
 * until {@code s + 2 × window}.
 */
class GatewayHousekeepingTest {

    @Test
    void noncesAreKeptAsLongAsTheirRequestCouldStillBeAccepted() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        for (long window : new long[] {60, 300, 900, 3600}) {
            Instant start = GatewayHousekeeping.nonceRetentionStart(now, Duration.ofSeconds(window));
            // the oldest nonce that could still be replayed: seen at now - 2 × window
            Instant stillReplayable = now.minusSeconds(2 * window);
            assertThat(start).as("window %d s", window).isBefore(stillReplayable);
            assertThat(start).isEqualTo(stillReplayable.minus(GatewayHousekeeping.NONCE_MARGIN));
        }
    }
}
