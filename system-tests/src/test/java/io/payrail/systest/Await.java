package io.payrail.systest;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome. A limit, not a timing claim: the tests assert states, not speed. */
final class Await {

    private Await() {
    }

    static <T> T until(String what, Duration limit, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting " + limit.toSeconds() + " s for " + what + "; last seen: " + last);
            }
            sleep();
            last = probe.get();
        }
        return last;
    }

    static void until(String what, Duration limit, BooleanSupplier condition) {
        until(what, limit, condition::getAsBoolean, Boolean::booleanValue);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
