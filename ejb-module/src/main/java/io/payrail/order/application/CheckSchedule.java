package io.payrail.order.application;

import io.payrail.notify.RetrySchedule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When to ask a channel again about an order or refund whose outcome is unknown or pending:
 * {@code payrail.resolve.schedule} (default 5s,10s,30s,1m,2m,5m,10m,30m,1h), and then every last
 * interval until the outcome is final or the order expires.
 */
@ApplicationScoped
public class CheckSchedule {

    @Inject
    @ConfigProperty(name = "payrail.resolve.schedule", defaultValue = "5s,10s,30s,1m,2m,5m,10m,30m,1h")
    String text;

    private List<Duration> waits;

    @PostConstruct
    void parse() {
        waits = RetrySchedule.parse(text).waits();
    }

    /** The wait before check number {@code attempt + 1} (attempt 0: the first check). */
    public Duration after(int attempt) {
        return waits.get(Math.min(Math.max(attempt, 0), waits.size() - 1));
    }
}
