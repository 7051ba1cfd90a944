package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The percentile summaries printed and written to the CSV: milliseconds, exact to HdrHistogram's 0.1 %. */
class LatenciesTest {

    @Test
    void summarisesOneToAThousandMillisecondsAtTheirPercentiles() {
        Latencies latencies = new Latencies();
        for (int ms = 1000; ms >= 1; ms--) {
            latencies.record(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        Latencies.Summary s = latencies.summary();

        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50Ms()).isCloseTo(500, within(0.5));
        assertThat(s.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(s.p999Ms()).isCloseTo(999, within(1.0));
        assertThat(s.maxMs()).isCloseTo(1000, within(1.0));
    }

    @Test
    void aSingleOutlierShowsInTheTailNotInTheMedian() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 999; i++) {
            latencies.record(TimeUnit.MILLISECONDS.toNanos(2));
        }
        latencies.record(TimeUnit.SECONDS.toNanos(10));

        Latencies.Summary s = latencies.summary();

        assertThat(s.p50Ms()).isCloseTo(2, within(0.01));
        assertThat(s.p99Ms()).isCloseTo(2, within(0.01));
        assertThat(s.maxMs()).isCloseTo(10_000, within(10.0));
        assertThat(s.text()).isEqualTo("2.00 / 2.00 / 2.00 ms");
    }

    @Test
    void nothingRecordedIsNoFigureNotZero() {
        Latencies.Summary s = new Latencies().summary();

        assertThat(s.count()).isZero();
        assertThat(s.p99Ms()).isNaN();
        assertThat(s.text()).isEqualTo("-");
        assertThat(Figures.ms(s.p50Ms())).isEmpty();
    }

    @Test
    void aNegativeDurationCountsAsZeroRatherThanFailing() {
        Latencies latencies = new Latencies();
        latencies.record(-5);

        assertThat(latencies.summary().maxMs()).isZero();
    }
}
