package io.payrail.simulator.channel;

/**
 * What a channel operation came to, before it is put on the wire: a value or a refusal, and how
 * long the answer is to be held back (latency, or a simulated timeout).
 */
public record Answer<T>(T value, ChannelException error, long delayMs) {

    public static <T> Answer<T> ok(T value, long delayMs) {
        return new Answer<>(value, null, delayMs);
    }

    public static <T> Answer<T> failed(ChannelException error, long delayMs) {
        return new Answer<>(null, error, delayMs);
    }

    public boolean isOk() {
        return error == null;
    }
}
