package io.payrail.simulator.message;

import java.time.Instant;

/**
 * One message the platform asked to send.
 *
 * @param channel EMAIL or SMS
 * @param purpose what the platform says it is for (VERIFY, RESET), free text
 */
public record Message(String id, String to, String channel, String purpose, String text, Instant sentAt) {
}
