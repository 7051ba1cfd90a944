package io.payrail.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Latencies of one kind in one step, recorded from many threads. Kept in microseconds with three
 * significant digits (HdrHistogram): a percentile is exact to 0.1 %, whatever the spread, so a
 * 10 s outlier and a 2 ms median sit in the same summary without a bucket choice that hides one.
 */
final class Latencies {

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(3);

    void record(long nanos) {
        histogram.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    Summary summary() {
        return Summary.of(histogram);
    }

    /** Count, p50, p99, p99.9 and the largest value, in milliseconds; NaN when nothing was recorded. */
    record Summary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

        static final Summary NONE = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /** The summary of a histogram of microseconds. */
        static Summary of(AbstractHistogram micros) {
            if (micros.getTotalCount() == 0) {
                return NONE;
            }
            return new Summary(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                    millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
                    millis(micros.getMaxValue()));
        }

        private static double millis(long micros) {
            return micros / 1000.0;
        }

        /** e.g. {@code 12.3 / 45.6 / 78.9 ms}, for the progress lines and the table. */
        String text() {
            return count == 0 ? "-" : String.format(Locale.ROOT, "%s / %s / %s ms", Figures.ms(p50Ms), Figures.ms(p99Ms),
                    Figures.ms(p999Ms));
        }
    }
}
