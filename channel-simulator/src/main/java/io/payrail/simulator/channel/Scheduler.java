package io.payrail.simulator.channel;

/**
 * Runs a task later. In the container it is the managed scheduled executor; in tests, a queue
 * the test drains by hand, so retry and ordering logic is tested without waiting.
 */
@FunctionalInterface
public interface Scheduler {

    void schedule(Runnable task, long delayMillis);
}
