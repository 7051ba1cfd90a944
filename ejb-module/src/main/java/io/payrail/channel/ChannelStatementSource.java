package io.payrail.channel;

import java.time.LocalDate;

/**
 * Where a channel's daily statement comes from: every channel that reports what it did in a day
 * (the same CSV in every channel: channel-simulator/PROTOCOL.md) has one, as a CDI bean. A source
 * only fetches, and verifies where the channel's protocol signs the file; reading, storing and
 * reconciling it is the settlement area's.
 */
public interface ChannelStatementSource {

    /** The channel, as in {@link ChannelConnector#channelId()}. */
    String channelId();

    /**
     * The statement of one UTC day, exactly the bytes the channel sent.
     *
     * @throws StatementUnavailableException when the channel could not give it now (outage, not yet
     *         published, an answer that does not verify): the caller retries later
     */
    StatementDownload fetch(LocalDate day) throws StatementUnavailableException;

    /** One day's statement of one channel, as received. */
    record StatementDownload(String channelId, LocalDate day, byte[] body) {
    }

    /** The statement could not be had now; the message says why, for an operator. */
    final class StatementUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public StatementUnavailableException(String message) {
            super(message);
        }

        public StatementUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
