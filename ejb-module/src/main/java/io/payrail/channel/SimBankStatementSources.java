package io.payrail.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The daily statements of SIMBANK and SIMBANK2 (PROTOCOL.md §10): a plain GET, as the rest of their
 * protocol (they sign nothing), through {@link SimBankHttp}.
 */
@ApplicationScoped
public class SimBankStatementSources {

    @Inject
    SimBankHttp http;

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
        try (Response response = http.target(prefix).path("statements").path(day.toString())
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
