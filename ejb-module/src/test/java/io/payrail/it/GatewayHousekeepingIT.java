package io.payrail.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.platform.GatewayHousekeeping;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding: housekeeping deleted at most 5,000 nonces and 5,000 idempotency records a minute, so
 * above ~83 requests/s those tables grew without bound; and it kept nonces a fixed 10 minutes
 * whatever the timestamp window. One pass now drains everything past retention, and a nonce is
 * kept while a request carrying it could still pass the timestamp check (twice the window).
 */
@ExtendWith(ArquillianExtension.class)
class GatewayHousekeepingIT {

    private static final String MERCHANT = "MIT-HOUSEKEEPING";

    @Deployment
    static WebArchive deployment() {
        return ItDeployment.archive("housekeeping-it");
    }

    @Inject
    private GatewayHousekeeping housekeeping;

    @Inject
    private ItFixtures fixtures;

    @Test
    void onePassDeletesEverythingPastRetentionAndKeepsNoncesThatCouldStillBeReplayed() {
        fixtures.ensureMerchant(MERCHANT);
        Instant now = Instant.now();
        String run = Long.toString(now.toEpochMilli(), 36);
        // a day and a minute old: past every retention
        fixtures.insertGatewayRows(MERCHANT, 12_000, now.minus(Duration.ofHours(24)).minusSeconds(60), "old-" + run);
        // 10.5 minutes old: with the default 300 s window such a nonce can come back until 10 minutes
        // after first use, so it is due, but only just: it must be kept a margin longer
        fixtures.insertGatewayRows(MERCHANT, 3, now.minusSeconds(630), "recent-" + run);

        housekeeping.clean();

        assertThat(fixtures.nonces(MERCHANT, run)).as("old nonces all gone in one pass, the recent ones kept").isEqualTo(3);
        assertThat(fixtures.idempotencyRecords(MERCHANT, run)).as("idempotency records past 24 h all gone").isEqualTo(3);
    }
}
