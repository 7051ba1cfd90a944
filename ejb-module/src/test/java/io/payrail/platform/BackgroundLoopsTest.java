package io.payrail.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A background loop survives any failure of a pass (Payara drops an EJB timer whose timeout throws
 * twice) and is reported stale when it stops completing passes.
 */
class BackgroundLoopsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final BackgroundLoops loops = new BackgroundLoops();

    BackgroundLoopsTest() {
        loops.clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void aFailingPassNeverEscapesAndTheNextOneRuns() {
        loops.register("resolver", Duration.ofSeconds(1));
        boolean failed = loops.pass("resolver", () -> {
            throw new IllegalStateException("Communications link failure");
        });
        boolean error = loops.pass("resolver", () -> {
            throw new AssertionError("an Error from a library");
        });
        int[] ran = {0};
        boolean ok = loops.pass("resolver", () -> ran[0]++);

        assertThat(failed).isFalse();
        assertThat(error).isFalse();
        assertThat(ok).isTrue();
        assertThat(ran[0]).isEqualTo(1);
        assertThat(loops.status().get(0).failuresInARow()).isZero();
    }

    @Test
    void aLoopThatStopsCompletingPassesTurnsStaleAndRecovers() {
        loops.register("resolver", Duration.ofSeconds(1));
        loops.register("housekeeping", Duration.ofMinutes(1));
        loops.pass("resolver", () -> { });
        loops.pass("housekeeping", () -> { });

        for (int i = 0; i < 40; i++) {
            advance(Duration.ofSeconds(1));
            loops.pass("resolver", () -> {
                throw new IllegalStateException("database down");
            });
        }

        BackgroundLoops.Status resolver = status("resolver");
        assertThat(resolver.stale()).as("no completed pass for 40 s, at least 30 s needed").isTrue();
        assertThat(resolver.failuresInARow()).isEqualTo(40);
        assertThat(resolver.lastError()).contains("database down");
        assertThat(status("housekeeping").stale()).as("its interval is a minute: 5 of them").isFalse();
        assertThat(loops.status().get(0).name()).as("stale loops first").isEqualTo("resolver");

        loops.pass("resolver", () -> { });
        assertThat(status("resolver").stale()).isFalse();
        advance(Duration.ofMinutes(6));
        assertThat(status("housekeeping").stale()).isTrue();
    }

    @Test
    void aLoopNeverRunYetIsStaleOnlyAfterItsGracePeriod() {
        loops.register("sweeper", Duration.ofSeconds(5));
        advance(Duration.ofSeconds(20));
        assertThat(status("sweeper").stale()).isFalse();
        advance(Duration.ofSeconds(11));
        assertThat(status("sweeper").stale()).isTrue();
    }

    @Test
    void anOverlappingPassIsSkipped() {
        loops.register("poller", Duration.ofSeconds(1));
        int[] inner = {0};
        loops.pass("poller", () -> {
            boolean nested = loops.pass("poller", () -> inner[0]++);
            assertThat(nested).isFalse();
        });
        assertThat(inner[0]).isZero();
    }

    @Test
    void aBacklogIsDrainedInBoundedPassesThatEachCompleteAndKeepTheLoopFresh() {
        loops.register("poller", Duration.ofSeconds(1));
        int[] backlog = {10_000};
        int[] batches = {0};
        // each batch of 100 takes 1 s: the backlog needs 100 s, far beyond the 30 s of staleness
        BackgroundLoops.Batch batch = deadline -> {
            batches[0]++;
            advance(Duration.ofSeconds(1));
            backlog[0] -= Math.min(100, backlog[0]);
            return backlog[0] > 0;
        };

        int passes = 0;
        while (backlog[0] > 0) {
            assertThat(loops.drain("poller", batch)).isTrue();
            passes++;
            // every pass ended within its budget and was recorded: the loop never looks dead
            assertThat(status("poller").stale()).isFalse();
            assertThat(status("poller").lastCompleted()).isEqualTo(now.get());
            advance(Duration.ofSeconds(1));
        }

        assertThat(batches[0]).isEqualTo(100);
        assertThat(passes).isEqualTo(10); // 10 batches of 1 s per 10 s pass
    }

    @Test
    void aDrainingPassStopsAtTheFirstBatchThatIsNotFull() {
        loops.register("sweeper", Duration.ofSeconds(5));
        int[] batches = {0};
        loops.drain("sweeper", deadline -> ++batches[0] < 3);
        assertThat(batches[0]).isEqualTo(3);
    }

    private BackgroundLoops.Status status(String name) {
        return loops.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
