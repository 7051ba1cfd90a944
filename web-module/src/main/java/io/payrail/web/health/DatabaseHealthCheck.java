package io.payrail.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** UP when a pooled connection to MySQL answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = "jdbc/payrail")
    private DataSource dataSource;

    /**
     * At most three seconds: a probe that hangs (a pool waiting for a connection, a broker that
     * accepts but does not answer) must report DOWN in time for the load balancer, not hang it.
     * (This WAR's use of Fault Tolerance is also what makes Payara enable it for the EJB module's
     * channel circuit breakers: see ChannelGuards.)
     */
    @Override
    @Timeout(3000)
    @Fallback(fallbackMethod = "timedOut")
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("database").status(valid)
                    .withData("product", connection.getMetaData().getDatabaseProductVersion())
                    .build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .withData("next", "is the database running? ./payrail status")
                    .build();
        }
    }

    HealthCheckResponse timedOut() {
        return HealthCheckResponse.named("database").down()
                .withData("error", "no answer within 3 s")
                .withData("next", "is the database running? ./payrail status")
                .build();
    }
}
