package io.payrail.systest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * The UTC day a test's payments, statements and settlements belong to. A test that reads one day's
 * statement or figures must not run across midnight UTC (its payments would land on two days), so
 * one that starts too close to midnight waits for the new day first.
 */
final class UtcDays {

    private static final Logger LOG = Logger.getLogger(UtcDays.class.getName());

    private UtcDays() {
    }

    /** Today (UTC), with at least {@code needed} of it left: past midnight if need be. */
    static LocalDate today(Duration needed) {
        Instant now = Instant.now();
        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (now.plus(needed).isAfter(midnight)) {
            Duration wait = Duration.between(now, midnight).plusSeconds(2);
            LOG.info(() -> "waiting " + wait.toSeconds() + " s for midnight UTC: the test needs its payments on one day");
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for midnight UTC", e);
            }
        }
        return LocalDate.now(ZoneOffset.UTC);
    }
}
