package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The open loop's backlog series and its least-squares slope. */
class BacklogTest {

    @Test
    void aBacklogGrowingByTenEveryFiveSecondsHasASlopeOfTwoPerSecond() {
        Backlog backlog = new Backlog();
        for (int t = 0; t <= 60; t += 5) {
            backlog.add(t, 30 + 2L * t);
        }

        assertThat(backlog.slope()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aBacklogThatWobblesAroundALevelHasASlopeNearZero() {
        Backlog backlog = new Backlog();
        long[] orders = {40, 44, 38, 41, 43, 39, 40};
        for (int i = 0; i < orders.length; i++) {
            backlog.add(5.0 * i, orders[i]);
        }

        // least squares by hand: covariance -25 over variance 700
        assertThat(backlog.slope()).isCloseTo(-25.0 / 700, within(1e-9));
        assertThat(backlog.series()).isEqualTo("0s:40 5s:44 10s:38 15s:41 20s:43 25s:39 30s:40");
    }

    @Test
    void oneSampleHasNoSlope() {
        Backlog backlog = new Backlog();
        backlog.add(0, 12);

        assertThat(backlog.slope()).isNaN();
    }
}
