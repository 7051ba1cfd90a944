package io.payrail.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notification retry schedule: parsing, the wait after each failed attempt, giving up. */
class RetryScheduleTest {

    @Test
    void theDefaultIsWeChatPaysSixteenAttemptsOverAboutADay() {
        RetrySchedule schedule = RetrySchedule.parse(RetrySchedule.DEFAULT);

        assertThat(schedule.maxAttempts()).isEqualTo(16);
        assertThat(schedule.waitAfter(1)).contains(Duration.ofSeconds(15));
        assertThat(schedule.waitAfter(4)).contains(Duration.ofMinutes(3));
        assertThat(schedule.waitAfter(15)).contains(Duration.ofHours(6));
        assertThat(schedule.waitAfter(16)).as("spent: give up").isEmpty();
        Duration total = schedule.waits().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(24), Duration.ofHours(25));
    }

    @Test
    void everyUnitAndSpacesAroundItems() {
        RetrySchedule schedule = RetrySchedule.parse(" 250ms, 2s ,3m,1h");

        assertThat(schedule.waits()).containsExactly(Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMinutes(3),
                Duration.ofHours(1));
        assertThat(schedule.waitAfter(0)).as("no attempt failed yet").isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15", "15x", "1.5s", "-1s", "15s,,30s", "1234567s"})
    void anItemThatIsNotANumberAndAUnitIsRefusedByName(String text) {
        assertThatThrownBy(() -> RetrySchedule.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a number followed by ms, s, m or h");
    }
}
