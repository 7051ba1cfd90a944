package io.payrail.channel;

import java.util.function.Function;

/**
 * A channel's callback protocol: how to check that a notification comes from the channel, what it
 * says, and how to acknowledge it so that the channel stops sending it.
 */
public interface ChannelCallbacks {

    String channelId();

    /**
     * @param header the request's headers by (case-insensitive) name
     * @param body   the exact body bytes
     * @throws InvalidCallbackException when the signature does not verify or the body is not a
     *         notification of this channel (answered 401/400; the channel retries or gives up)
     */
    CallbackEvent verify(Function<String, String> header, byte[] body) throws InvalidCallbackException;

    /** The answer that tells the channel the notification was taken. */
    Acknowledgement acknowledgement();

    /** Status, content type and body of the acknowledging answer. */
    record Acknowledgement(int status, String contentType, String body) {
    }

    /** A callback that is not from the channel, or not one of its notifications. */
    class InvalidCallbackException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidCallbackException(String message) {
            super(message);
        }
    }
}
