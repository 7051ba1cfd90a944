package io.payrail.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP when the broker answers a round trip: browsing the channel request queue needs the broker
 * itself, not just a pooled connection object that may be stale.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Resource(lookup = "jms/payrail/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/payrail/ChannelRequestQueue")
    private Queue channelRequests;

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
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = jms.createBrowser(channelRequests)) {
            Enumeration<?> waiting = browser.getEnumeration();
            return HealthCheckResponse.named("broker").up()
                    .withData("channelRequestsWaiting", waiting.hasMoreElements())
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("broker").down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .withData("next", "is the broker running? ./payrail status")
                    .build();
        }
    }

    HealthCheckResponse timedOut() {
        return HealthCheckResponse.named("broker").down()
                .withData("error", "no answer within 3 s")
                .withData("next", "is the broker running? ./payrail status")
                .build();
    }
}
