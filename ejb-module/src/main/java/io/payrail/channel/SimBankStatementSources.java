package io.payrail.channel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily statements of SIMBANK and SIMBANK2 (PROTOCOL.md §10): a plain GET, as the rest of their
 * protocol (they sign nothing). A statement is a file of up to a day's movements, so it gets a
 * longer read timeout than a payment ({@code payrail.channel.simbank.statement-read-timeout-ms}).
 */
@ApplicationScoped
public class SimBankStatementSources {

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

    @Produces
    @Named("SIMBANK")
    ChannelStatementSource simBank() {
        return source("SIMBANK", "bank/v1");
    }

    @Produces
    @Named("SIMBANK2")
    ChannelStatementSource simBank2() {
        return source("SIMBANK2", "bank2/v1");
    }

    private ChannelStatementSource source(String channelId, String prefix) {
        return new ChannelStatementSource() {
            @Override
            public String channelId() {
                return channelId;
            }

            @Override
            public StatementDownload fetch(LocalDate day) throws StatementUnavailableException {
                return new StatementDownload(channelId, day, get(channelId, prefix, day));
            }
        };
    }

    private byte[] get(String channelId, String prefix, LocalDate day)
            throws ChannelStatementSource.StatementUnavailableException {
        try (Response response = client.target(simulatorUrl).path(prefix).path("statements").path(day.toString())
                .request("text/csv", "application/json").get()) {
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            if (response.getStatus() != 200) {
                String text = new String(body, StandardCharsets.UTF_8);
                throw new ChannelStatementSource.StatementUnavailableException(channelId + " answered the statement of "
                        + day + " with HTTP " + response.getStatus() + ": "
                        + (text.length() <= 200 ? text : text.substring(0, 200) + "…"));
            }
            return body;
        } catch (ProcessingException e) {
            throw new ChannelStatementSource.StatementUnavailableException(channelId + " gave no statement of " + day
                    + ": " + e.getMessage(), e);
        }
    }
}
