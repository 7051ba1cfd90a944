package io.payrail.notify;

/** PENDING until the merchant acknowledges (DELIVERED) or the schedule runs out (GAVE_UP). */
public enum NotificationState {
    PENDING, DELIVERED, GAVE_UP
}
