package io.payrail.simulator;

/**
 * A request the simulator refuses to act on (HTTP 400 {@code INVALID_REQUEST}). Thrown while a
 * request is read and checked, before anything is counted or charged, so the message may be
 * shown to the caller as is.
 */
public class InvalidRequestException extends IllegalArgumentException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
