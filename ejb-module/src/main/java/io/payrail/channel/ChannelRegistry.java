package io.payrail.channel;

import io.payrail.common.Money;
import io.payrail.order.domain.PaymentMethod;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The channels the platform can route to, and which of them may take a payment: by payment method
 * ({@code payrail.routing.<METHOD>}, channels in priority order), by amount
 * ({@code payrail.channel.<ID>.max-amount}, minor units, optional), and not switched off by staff
 * ({@link ChannelSwitches}). Health is the router's concern (circuit breakers), not the registry's.
 */
@ApplicationScoped
public class ChannelRegistry {

    @Inject
    private Instance<ChannelConnector> discovered;

    @Inject
    private Instance<ChannelCallbacks> callbackProtocols;

    @Inject
    private Config config;

    @Inject
    private ChannelSwitches switches;

    @Inject
    @ConfigProperty(name = "payrail.channel.simbank.url", defaultValue = "http://127.0.0.1:8290/sim")
    String simulatorUrl;

    @Inject
    @ConfigProperty(name = "payrail.channel.simbank.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "payrail.channel.simbank.read-timeout-ms", defaultValue = "10000")
    long readTimeoutMillis;

    private Client client;
    private final Map<String, ChannelConnector> connectors = new LinkedHashMap<>();
    private final Map<String, ChannelCallbacks> callbacks = new LinkedHashMap<>();

    @PostConstruct
    void build() {
        client = ClientBuilder.newBuilder().connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS).build();
        register(new SimBankConnector("SIMBANK", client, simulatorUrl, "bank/v1"));
        register(new SimBankConnector("SIMBANK2", client, simulatorUrl, "bank2/v1"));
        discovered.forEach(this::register);
        callbackProtocols.forEach(c -> callbacks.put(c.channelId(), c));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void register(ChannelConnector connector) {
        connectors.put(connector.channelId(), connector);
    }

    public Optional<ChannelConnector> connector(String channelId) {
        return Optional.ofNullable(channelId == null ? null : connectors.get(channelId));
    }

    /**
     * The callback protocol of a channel, by its id as it appears in the callback URL (any case):
     * only channels that notify have one.
     */
    public Optional<ChannelCallbacks> callbacks(String channelId) {
        return Optional.ofNullable(channelId == null ? null : callbacks.get(channelId.toUpperCase(Locale.ROOT)));
    }

    /** Every channel the platform knows, in registration order. */
    public List<ChannelConnector> all() {
        return List.copyOf(connectors.values());
    }

    /** The configured route of a payment method: channel ids, best first (switched-off ones included). */
    public List<String> route(PaymentMethod method) {
        return Arrays.stream(config.getOptionalValue("payrail.routing." + method.name(), String.class)
                .orElse(defaultRoute(method)).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The channels that may take this payment, best first (switched-off channels skipped). */
    public List<ChannelConnector> candidates(PaymentMethod method, Money amount) {
        String configured = config.getOptionalValue("payrail.routing." + method.name(), String.class)
                .orElse(defaultRoute(method));
        List<ChannelConnector> result = new ArrayList<>();
        Set<String> switchedOff = switches.disabled();
        for (String id : Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            ChannelConnector connector = connectors.get(id);
            if (connector == null || !connector.supportedMethods().contains(method) || switchedOff.contains(id)) {
                continue;
            }
            Optional<Long> max = config.getOptionalValue("payrail.channel." + id + ".max-amount", Long.class);
            if (max.isPresent() && amount.minorUnits() > max.get()) {
                continue;
            }
            result.add(connector);
        }
        return result;
    }

    private static String defaultRoute(PaymentMethod method) {
        // the card gateway and quick pay take only the payer's own submissions from the cashier (they need
        // the card or the one-time code); the banks take the platform's, which carry neither
        return switch (method) {
            case BANK_CARD -> "CARDGW,SIMBANK,SIMBANK2";
            case QUICK_PAY -> "QUICKPAY,SIMBANK,SIMBANK2";
            case WALLET -> "WALLET";
            case CASHIER -> "";
        };
    }
}
