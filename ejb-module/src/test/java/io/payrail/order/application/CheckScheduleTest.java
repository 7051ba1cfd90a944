package io.payrail.order.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The check schedule of unknown and pending outcomes: its waits in turn, then the last one again. */
class CheckScheduleTest {

    private static CheckSchedule schedule(String text) {
        CheckSchedule schedule = new CheckSchedule();
        schedule.text = text;
        schedule.parse();
        return schedule;
    }

    @Test
    void theWaitsInTurnThenTheLastForever() {
        CheckSchedule schedule = schedule("5s,10s,30s,1m,2m,5m,10m,30m,1h");

        assertThat(schedule.after(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.after(9)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.after(10_000)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.after(-1)).as("never below the first").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aSingleWaitRepeats() {
        CheckSchedule schedule = schedule("3s");

        assertThat(schedule.after(0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(schedule.after(7)).isEqualTo(Duration.ofSeconds(3));
    }
}
