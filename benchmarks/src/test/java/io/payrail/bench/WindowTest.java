package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a measured window counts: by when a create was answered and when an iteration ended. */
class WindowTest {

    private static final long MS = 1_000_000L;
    private final Window window = new Window(1_000 * MS, 2_000 * MS);

    private static Driver.Outcome outcome(Driver.End end, long startMs, long createdMs, long endMs) {
        return new Driver.Outcome(end, startMs * MS, createdMs * MS, endMs * MS, "pay_x");
    }

    @Test
    void countsIterationsThatEndedInsideAndTheirLatencies() {
        Window.Counts counts = window.count(List.of(
                outcome(Driver.End.DONE, 1_100, 1_110, 1_300),   // inside: create 10 ms, end to end 200 ms
                outcome(Driver.End.DONE, 900, 950, 1_050),       // started in the warm-up, ended inside: counted
                outcome(Driver.End.DONE, 1_900, 1_950, 2_100),   // ended after the window: only its create counts
                outcome(Driver.End.FAILED, 1_200, 0, 1_250),     // its create failed
                outcome(Driver.End.UNFINISHED, 1_300, 1_310, 1_990)));

        assertThat(counts.done()).isEqualTo(2);
        assertThat(counts.failed()).isEqualTo(1);
        assertThat(counts.unfinished()).isEqualTo(1);
        assertThat(counts.endToEnd().count()).isEqualTo(2);
        assertThat(counts.endToEnd().maxMs()).isCloseTo(200, within(0.2));
        // creates answered inside: 1_110, 1_950 and 1_310 (the one at 950 was in the warm-up)
        assertThat(counts.create().count()).isEqualTo(3);
        assertThat(counts.create().maxMs()).isCloseTo(50, within(0.1));
    }

    @Test
    void theWindowsLengthIsItsRateDenominator() {
        assertThat(window.seconds()).isEqualTo(1.0);
        assertThat(new Window(5, 3).seconds()).isZero();
    }
}
