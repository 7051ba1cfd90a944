package io.payrail.simulator.channel;

import java.util.Map;
import java.util.Objects;

/**
 * A channel's refusal: the error code, a message for the caller, an HTTP status (normally the
 * code's own; an injected failure may choose another), and a few extra fields for the answer
 * (for example {@code refundable} or {@code attemptsLeft}).
 */
public final class ChannelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ChannelError error;
    private final int httpStatus;
    private final boolean injected;
    private final transient Map<String, Object> details;

    public ChannelException(ChannelError error, String message) {
        this(error, message, error.httpStatus(), false, Map.of());
    }

    public ChannelException(ChannelError error, String message, Map<String, Object> details) {
        this(error, message, error.httpStatus(), false, details);
    }

    private ChannelException(ChannelError error, String message, int httpStatus, boolean injected,
                             Map<String, Object> details) {
        super(message, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.httpStatus = httpStatus;
        this.injected = injected;
        this.details = Map.copyOf(details);
    }

    /**
     * A failure the operator injected: nothing was done. 503 is answered as
     * {@link ChannelError#SERVICE_UNAVAILABLE} (refused at the door), any other status as
     * {@link ChannelError#SYSTEM_ERROR}, which the protocol says leaves the outcome unknown.
     */
    public static ChannelException injected(int status) {
        ChannelError error = status == 503 ? ChannelError.SERVICE_UNAVAILABLE : ChannelError.SYSTEM_ERROR;
        return new ChannelException(error, "simulated failure (HTTP " + status + ")", status, true, Map.of());
    }

    public ChannelError error() {
        return error;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the failure plan answered instead of the channel (such answers are not signed). */
    public boolean injected() {
        return injected;
    }

    public Map<String, Object> details() {
        return details;
    }
}
