package io.payrail.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The end-to-end steps: a closed loop (each client starts its next iteration when the last one
 * ended) and an open loop (iterations start at a fixed rate, whether or not earlier ones have
 * ended). Each runs a warm-up, then its measured {@link Window}, reading the {@link Meter} at the
 * window's start and end, then lets what is in flight end before returning, so the next step
 * starts on a quiet platform.
 */
final class Steps {

    static final String CLOSED_PREFIX = "closed-";
    static final String SPREAD_PREFIX = "spread-";
    static final String OPEN = "open";
    static final Duration PROGRESS = Duration.ofSeconds(5);
    // open loop: threads that send the creates; more than the platform can have in flight, so that a
    // slow answer delays only its own create (measured from when it was due) and not the arrivals
    private static final int OPEN_LOOP_THREADS = 256;

    private final Driver driver;
    private final Meter meter;
    private final Duration warmup;

    Steps(Driver driver, Meter meter, Duration warmup) {
        this.driver = driver;
        this.meter = meter;
        this.warmup = warmup;
    }

    /** Closed loop: client i acts for merchant i modulo their number. */
    StepResult closed(String name, Workload workload, List<BenchMerchant> merchants, int clients, Duration duration,
                      double expectedPerSecond) throws InterruptedException {
        workload.prepare(driver, merchants, warmup.plus(duration), expectedPerSecond);
        Bench.say(name + ": " + clients + " client" + (clients == 1 ? "" : "s") + " over " + merchants.size()
                + " merchant" + (merchants.size() == 1 ? "" : "s") + ", " + warmup.toSeconds() + " s warm-up, "
                + duration.toSeconds() + " s measured");
        Driver.Tally tally = new Driver.Tally();
        Queue<Driver.Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicLong ranOutAt = new AtomicLong();
        long t0 = System.nanoTime();
        Window planned = new Window(t0 + warmup.toNanos(), t0 + warmup.toNanos() + duration.toNanos());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            BenchMerchant merchant = merchants.get(i % merchants.size());
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < planned.endNanos()) {
                        outcomes.add(driver.run(workload, merchant, tally));
                    }
                } catch (Workload.NothingLeft e) {
                    ranOutAt.compareAndSet(0, System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name + "-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Measured measured = measure(name, planned, tally, ranOutAt, null);
        for (Thread t : threads) {
            t.join();
        }
        return result(name, clients, Double.NaN, measured, outcomes, null, tally);
    }

    /** Open loop: iterations due every 1/rate seconds, for one merchant. */
    StepResult open(Workload workload, BenchMerchant merchant, double rate, Duration duration)
            throws InterruptedException {
        workload.prepare(driver, List.of(merchant), warmup.plus(duration), rate);
        Bench.say(String.format(Locale.ROOT, "%s: %.1f %s/s arriving, %d s warm-up, %d s measured; backlog every %d s",
                OPEN, rate, workload.unit(), warmup.toSeconds(), duration.toSeconds(), PROGRESS.toSeconds()));
        Driver.Tally tally = new Driver.Tally();
        Queue<Driver.Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Queue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        AtomicLong ranOutAt = new AtomicLong();
        long t0 = System.nanoTime();
        Window planned = new Window(t0 + warmup.toNanos(), t0 + warmup.toNanos() + duration.toNanos());
        double periodNanos = 1e9 / rate;
        ExecutorService senders = Executors.newFixedThreadPool(OPEN_LOOP_THREADS, r -> {
            Thread t = new Thread(r, "open-loop-sender");
            t.setDaemon(true);
            return t;
        });
        Thread arrivals = new Thread(() -> {
            for (long i = 0; ; i++) {
                long due = t0 + (long) (i * periodNanos);
                if (due >= planned.endNanos() || ranOutAt.get() != 0) {
                    return;
                }
                LockSupport.parkNanos(due - System.nanoTime());
                senders.execute(() -> {
                    try {
                        pending.add(driver.start(workload, merchant, due, tally).thenAccept(outcomes::add));
                    } catch (Workload.NothingLeft e) {
                        ranOutAt.compareAndSet(0, System.nanoTime());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }, "open-loop-arrivals");
        arrivals.setDaemon(true);
        arrivals.start();
        Backlog backlog = new Backlog();
        Measured measured = measure(OPEN, planned, tally, ranOutAt, backlog);
        arrivals.join();
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.HOURS);
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return result(OPEN, 0, rate, measured, outcomes, backlog, tally);
    }

    private record Measured(Window window, Meter.Reading before, Meter.Reading after) {
    }

    /**
     * Prints progress until the planned window ends (or the refunds ran out), reading the meter at
     * its start and end; the open loop's backlog is sampled at the start, every 5 s, and at the end.
     */
    private Measured measure(String name, Window planned, Driver.Tally tally, AtomicLong ranOutAt, Backlog backlog)
            throws InterruptedException {
        Meter.Reading before = null;
        long nextPrint = System.nanoTime() + PROGRESS.toNanos();
        long lastDone = 0;
        long lastPrintNanos = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (before == null && now >= planned.startNanos()) {
                before = meter.read();
                if (backlog != null) {
                    backlog.add(0, tally.inFlight.get());
                    nextPrint = planned.startNanos() + PROGRESS.toNanos();
                }
            }
            if (now >= planned.endNanos() || ranOutAt.get() != 0) {
                break;
            }
            if (now >= nextPrint) {
                long done = tally.done.sum();
                double rate = (done - lastDone) / ((now - lastPrintNanos) / 1e9);
                String phase = before == null
                        ? String.format(Locale.ROOT, "warm-up %d/%d s", (now - planned.startNanos() + warmup.toNanos())
                        / 1_000_000_000L, warmup.toSeconds())
                        : String.format(Locale.ROOT, "measuring %d/%d s", (now - planned.startNanos()) / 1_000_000_000L,
                        (long) planned.seconds());
                String sample = "";
                if (backlog != null && before != null) {
                    double at = (now - planned.startNanos()) / 1e9;
                    backlog.add(Math.round(at), tally.inFlight.get());
                    sample = ", backlog " + tally.inFlight.get();
                }
                Bench.say(String.format(Locale.ROOT, "%s %s: done %d (%.1f/s), in flight %d%s, failed %d, unfinished %d"
                                + " | errors: %s", name, phase, done, rate, tally.inFlight.get(), sample, tally.failed.sum(),
                        tally.unfinished.sum(), tally.errors.errorsText()));
                lastDone = done;
                lastPrintNanos = now;
                nextPrint += PROGRESS.toNanos();
            }
            long sleep = Math.min(nextPrint, before == null ? planned.startNanos() : planned.endNanos()) - now;
            TimeUnit.NANOSECONDS.sleep(Math.max(1_000_000L, Math.min(sleep, 200_000_000L)));
        }
        Meter.Reading after = meter.read();
        if (backlog != null && before != null) {
            backlog.add(Math.round((System.nanoTime() - planned.startNanos()) / 1e9), tally.inFlight.get());
        }
        long end = ranOutAt.get() != 0 ? Math.min(ranOutAt.get(), planned.endNanos()) : planned.endNanos();
        if (before == null) {
            before = after;
        }
        if (ranOutAt.get() != 0) {
            Bench.say(name + ": the paid payments to refund ran out " + String.format(Locale.ROOT, "%.1f",
                    (end - planned.startNanos()) / 1e9) + " s into the window; its figures cover that much");
        }
        Bench.say(name + ": window over; letting " + tally.inFlight.get() + " in flight end");
        return new Measured(new Window(planned.startNanos(), Math.max(planned.startNanos(), end)), before, after);
    }

    private StepResult result(String name, int clients, double rate, Measured m, Queue<Driver.Outcome> outcomes,
                              Backlog backlog, Driver.Tally tally) {
        Window.Counts counts = m.window().count(outcomes);
        Meter.Costs costs = Meter.costs(m.before(), m.after(), counts.done());
        StepResult result = new StepResult(name, clients, rate, m.window().seconds(), counts.done(), counts.failed(),
                counts.unfinished(), counts.create(), counts.endToEnd(), costs.perPayment(), costs.cpuMs(), backlog,
                tally.errors.errorsText());
        Bench.say(String.format(Locale.ROOT, "%s: %.1f/s (%d in %.0f s), create p50/p99/p99.9 %s, end to end %s",
                name, result.perSecond(), result.payments(), result.seconds(), result.create().text(),
                result.endToEnd().text()));
        return result;
    }
}
