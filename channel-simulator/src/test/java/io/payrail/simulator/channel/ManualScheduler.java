package io.payrail.simulator.channel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on virtual time: tasks wait until the test advances the clock past their due
 * time. Runs them in due order (ties in the order scheduled) and moves the {@link MutableClock}
 * along, so retries and holds are tested without sleeping.
 */
public final class ManualScheduler implements Scheduler {

    private record Task(long due, long order, Runnable work) {
    }

    private final MutableClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong(Task::due).thenComparingLong(Task::order));
    private final List<Long> delays = new ArrayList<>();
    private long now;
    private long order;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void schedule(Runnable task, long delayMillis) {
        delays.add(delayMillis);
        queue.add(new Task(now + delayMillis, order++, task));
    }

    /** Runs everything due within the next {@code millis}, including what those tasks schedule. */
    public void advance(long millis) {
        long until = now + millis;
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due() > until) {
                    break;
                }
                queue.poll();
                clock.advanceMillis(next.due() - now);
                now = next.due();
            }
            next.work().run();
        }
        synchronized (this) {
            clock.advanceMillis(until - now);
            now = until;
        }
    }

    /** Runs until nothing is left (bounded, in case something reschedules forever). */
    public void runAll() {
        for (int i = 0; i < 10_000 && pending() > 0; i++) {
            long due;
            synchronized (this) {
                due = queue.peek().due();
            }
            advance(Math.max(0, due - now));
        }
    }

    public synchronized int pending() {
        return queue.size();
    }

    /** Every delay asked for, in order. */
    public synchronized List<Long> delays() {
        return List.copyOf(delays);
    }
}
