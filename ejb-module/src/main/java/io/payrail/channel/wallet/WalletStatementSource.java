package io.payrail.channel.wallet;

import io.payrail.channel.ChannelStatementSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/** WALLET's daily statement (wallet.md §9), fetched with WALLET's signed exchange and verified before it is trusted. */
@ApplicationScoped
public class WalletStatementSource implements ChannelStatementSource {

    @Inject
    WalletConnector wallet;

    @Override
    public String channelId() {
        return WalletConnector.CHANNEL_ID;
    }

    @Override
    public StatementDownload fetch(LocalDate day) throws StatementUnavailableException {
        return new StatementDownload(channelId(), day, wallet.statement(day));
    }
}
