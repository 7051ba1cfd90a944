package io.payrail.simulator.fault;

/**
 * What to do with one request.
 *
 * @param failStatus  the HTTP status to answer instead of the bank, or 0 to let the bank answer
 * @param delayMillis how long to hold the answer back
 */
public record Directive(int failStatus, long delayMillis) {

    static Directive answer(long delayMillis) {
        return new Directive(0, delayMillis);
    }

    static Directive fail(int status, long delayMillis) {
        return new Directive(status, delayMillis);
    }

    public boolean fails() {
        return failStatus != 0;
    }
}
