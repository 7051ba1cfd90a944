package io.payrail.web.health;

import io.payrail.platform.BackgroundLoops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when a background loop of the payment server (resolver, notification poller, outbox sweeper,
 * gateway housekeeping) has not completed a pass for several of its intervals: expiries, checks,
 * notifications or publishing have stopped on this server. It turns UP again by itself when the loop
 * completes a pass (typically once the database or the broker is back).
 */
@Readiness
@ApplicationScoped
public class BackgroundLoopsHealthCheck implements HealthCheck {

    @Inject
    private BackgroundLoops loops;

    @Override
    public HealthCheckResponse call() {
        List<BackgroundLoops.Status> all = loops.status();
        List<String> stale = all.stream().filter(BackgroundLoops.Status::stale).map(BackgroundLoops.Status::name).toList();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background-loops").status(stale.isEmpty());
        for (BackgroundLoops.Status loop : all) {
            response.withData(loop.name(), (loop.stale() ? "STALE" : "ok")
                    + ", last pass " + (loop.lastCompleted() == null ? "never" : loop.lastCompleted().toString())
                    + (loop.failuresInARow() == 0 ? "" : ", " + loop.failuresInARow() + " failed since: " + loop.lastError()));
        }
        if (!stale.isEmpty()) {
            response.withData("next", "loops " + stale + " have stopped completing passes: read payara-server.log for"
                    + " 'background loop'; they resume by themselves when the database and broker answer");
        }
        return response.build();
    }
}
