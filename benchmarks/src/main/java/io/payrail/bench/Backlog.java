package io.payrail.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The open loop's backlog: orders created (answered 201) minus orders finished (their terminal
 * notification acknowledged), sampled at fixed times. A platform that keeps up holds it flat at
 * about rate x latency; one that does not lets it grow, and the slope says by how much each second.
 */
final class Backlog {

    /** One sample: seconds since the measurement began, and the backlog then. */
    record Sample(double atSeconds, long orders) {
    }

    private final List<Sample> samples = new ArrayList<>();

    synchronized void add(double atSeconds, long orders) {
        samples.add(new Sample(atSeconds, orders));
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Orders per second: the least-squares line through the samples; NaN with fewer than two. */
    synchronized double slope() {
        return slope(samples);
    }

    static double slope(List<Sample> samples) {
        int n = samples.size();
        if (n < 2) {
            return Double.NaN;
        }
        double meanT = samples.stream().mapToDouble(Sample::atSeconds).average().orElseThrow();
        double meanB = samples.stream().mapToDouble(Sample::orders).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (Sample s : samples) {
            covariance += (s.atSeconds() - meanT) * (s.orders() - meanB);
            variance += (s.atSeconds() - meanT) * (s.atSeconds() - meanT);
        }
        return variance == 0 ? Double.NaN : covariance / variance;
    }

    /** e.g. {@code 5s:12 10s:14 15s:13}, for the output and the CSV. */
    synchronized String series() {
        return samples.stream().map(s -> Figures.decimal(s.atSeconds(), 0) + "s:" + s.orders())
                .collect(Collectors.joining(" "));
    }
}
