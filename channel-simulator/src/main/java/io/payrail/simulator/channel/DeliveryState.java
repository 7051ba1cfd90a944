package io.payrail.simulator.channel;

/** Where a callback event's delivery stands. */
public enum DeliveryState {
    /** Waiting to be sent, or being retried. */
    QUEUED,
    /** Acknowledged (every copy, when duplicated). */
    DELIVERED,
    /** Never sent: the "lost callback" failure. */
    LOST,
    /** The retry budget ran out without an acknowledgement. */
    GAVE_UP;

    public boolean isOpen() {
        return this == QUEUED;
    }
}
