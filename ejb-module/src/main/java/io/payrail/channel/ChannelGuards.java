package io.payrail.channel;

import io.payrail.order.application.ChannelSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * One MicroProfile Fault Tolerance circuit breaker per channel around its {@code pay}: when most
 * recent submissions to a channel were refused or went unanswered, the breaker opens and the router
 * stops sending there for a while (and fails over, since an open breaker means nothing was sent).
 * A breaker's state belongs to its method, hence one small class per channel. Thresholds can be
 * changed per channel by MicroProfile Config, e.g.
 * {@code io.payrail.channel.ChannelGuards$Simbank/pay/CircuitBreaker/delay=30000}.
 * <p>
 * Payara activates Fault Tolerance for an application only when one of its <em>WAR</em> modules
 * uses an FT annotation (its MicroProfile sniffers ignore EJB jars); then the interceptor applies to
 * the whole EAR, these guards included. The web module's health checks carry {@code @Timeout}, which
 * does it. {@code ChannelFailureIT} fails if the breakers ever stop working.
 */
public final class ChannelGuards {

    private ChannelGuards() {
    }

    /** A channel's breaker. */
    public interface Guard {
        String channelId();

        /** The connector's pay, counted by the breaker; UNAVAILABLE and UNKNOWN come back as exceptions. */
        ChannelOutcome pay(ChannelConnector connector, ChannelSubmission submission);
    }

    @ApplicationScoped
    public static class Simbank implements Guard {
        @Override
        public String channelId() {
            return "SIMBANK";
        }

        @Override
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, successThreshold = 1,
                failOn = ChannelTroubleException.class)
        public ChannelOutcome pay(ChannelConnector connector, ChannelSubmission submission) {
            return ChannelTroubleException.check(connector.pay(submission));
        }
    }

    @ApplicationScoped
    public static class Simbank2 implements Guard {
        @Override
        public String channelId() {
            return "SIMBANK2";
        }

        @Override
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, successThreshold = 1,
                failOn = ChannelTroubleException.class)
        public ChannelOutcome pay(ChannelConnector connector, ChannelSubmission submission) {
            return ChannelTroubleException.check(connector.pay(submission));
        }
    }

    @ApplicationScoped
    public static class Wallet implements Guard {
        @Override
        public String channelId() {
            return "WALLET";
        }

        @Override
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, successThreshold = 1,
                failOn = ChannelTroubleException.class)
        public ChannelOutcome pay(ChannelConnector connector, ChannelSubmission submission) {
            return ChannelTroubleException.check(connector.pay(submission));
        }
    }

    @ApplicationScoped
    public static class Cardgw implements Guard {
        @Override
        public String channelId() {
            return "CARDGW";
        }

        @Override
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, successThreshold = 1,
                failOn = ChannelTroubleException.class)
        public ChannelOutcome pay(ChannelConnector connector, ChannelSubmission submission) {
            return ChannelTroubleException.check(connector.pay(submission));
        }
    }

    @ApplicationScoped
    public static class Quickpay implements Guard {
        @Override
        public String channelId() {
            return "QUICKPAY";
        }

        @Override
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, successThreshold = 1,
                failOn = ChannelTroubleException.class)
        public ChannelOutcome pay(ChannelConnector connector, ChannelSubmission submission) {
            return ChannelTroubleException.check(connector.pay(submission));
        }
    }
}
