package io.payrail.channel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One HTTP client for the simulated banks' file and money operations (statements, payouts), whose
 * answers can take longer than a payment's ({@code payrail.channel.simbank.statement-read-timeout-ms}).
 */
@ApplicationScoped
public class SimBankHttp {

    @Inject
    @ConfigProperty(name = "payrail.channel.simbank.url", defaultValue = "http://127.0.0.1:8290/sim")
    String simulatorUrl;

    @Inject
    @ConfigProperty(name = "payrail.channel.simbank.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "payrail.channel.simbank.statement-read-timeout-ms", defaultValue = "60000")
    long readTimeoutMillis;

    private Client client;

    @PostConstruct
    void open() {
        client = ClientBuilder.newBuilder().connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS).build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The simulator's base URL with {@code path} (e.g. {@code bank/v1}) appended. */
    public WebTarget target(String path) {
        return client.target(simulatorUrl).path(path);
    }
}
