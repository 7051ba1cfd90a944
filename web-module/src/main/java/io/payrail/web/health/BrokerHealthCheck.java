package io.payrail.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
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

    @Override
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
}
