package io.payrail.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The waits between delivery attempts, e.g. {@code 15s,15s,30s,3m,10m,20m,30m,30m,30m,60m,3h,3h,3h,6h,6h}
 * (WeChat Pay's schedule): after the first attempt fails, wait 15 s; after the second, 15 s; and so
 * on. When the waits run out, the notification is given up (an operator or the merchant can ask
 * for a re-delivery).
 */
public record RetrySchedule(List<Duration> waits) {

    public static final String DEFAULT = "15s,15s,30s,3m,10m,20m,30m,30m,30m,60m,3h,3h,3h,6h,6h";
    private static final Pattern ITEM = Pattern.compile("(\\d{1,6})(ms|s|m|h)");

    public RetrySchedule {
        waits = List.copyOf(waits);
    }

    /** @throws IllegalArgumentException naming the item that is not {@code <number><ms|s|m|h>} */
    public static RetrySchedule parse(String text) {
        List<Duration> waits = new ArrayList<>();
        for (String item : text.split(",")) {
            Matcher m = ITEM.matcher(item.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("retry schedule item '" + item.strip()
                        + "' is not a number followed by ms, s, m or h (e.g. 15s,30s,3m)");
            }
            long n = Long.parseLong(m.group(1));
            waits.add(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return new RetrySchedule(waits);
    }

    /** The wait after {@code failedAttempts} failed attempts, or empty when it is time to give up. */
    public Optional<Duration> waitAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > waits.size()) {
            return Optional.empty();
        }
        return Optional.of(waits.get(failedAttempts - 1));
    }

    /** Attempts in all: the first plus one per wait. */
    public int maxAttempts() {
        return waits.size() + 1;
    }
}
