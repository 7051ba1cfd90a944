package io.payrail.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --mode refund}: each iteration refunds 5.00 USD of a payment that was paid before the step
 * (by card, through the same {@link Driver}, outside every measured window), and ends at its
 * refund.succeeded notification. Each merchant has its own pool of paid payments; what a step
 * leaves over serves the next.
 *
 * <p>How many to pay is a guess made before the step: 1.5 times the window at the larger of the
 * rate the bench expects and the rate at which the payments themselves are being paid over the
 * last 5 s (32 clients: about what the platform can do), raised while the paying goes faster.
 * Should the pool run dry all the same, the refunding client stops and the step reports over the
 * time it had ({@link NothingLeft}).
 */
final class RefundWorkload implements Workload {

    private static final double MARGIN = 1.5;
    private static final int PAYING_CLIENTS = 32;
    private static final Duration RATE_OVER = Duration.ofSeconds(5);
    // less than any payment the bench makes (10.00 USD and more): each paid payment is refunded once
    private static final long REFUND_AMOUNT = 500;

    private final PaymentWorkload payments;
    private final String refundPrefix;
    private final Map<String, Queue<String>> pools = new ConcurrentHashMap<>();

    RefundWorkload(PaymentWorkload payments, String runTag) {
        this.payments = payments;
        this.refundPrefix = "r-" + runTag + "-";
    }

    @Override
    public String create(BenchMerchant merchant, long sequence) throws IterationFailed, InterruptedException {
        String paymentId = pool(merchant).poll();
        if (paymentId == null) {
            throw new NothingLeft("no paid payment of " + merchant.id() + " is left to refund");
        }
        String body = "{\"merchantRefundNo\":\"" + refundPrefix + sequence + "\",\"amount\":" + REFUND_AMOUNT + "}";
        return Workload.postForId(merchant, PaymentWorkload.PAYMENTS + "/" + paymentId + "/refunds", body);
    }

    @Override
    public void prepare(Driver driver, List<BenchMerchant> merchants, Duration window, double expectedPerSecond)
            throws InterruptedException {
        long started = System.nanoTime();
        Driver.Tally tally = new Driver.Tally();
        AtomicLong target = new AtomicLong(Long.MAX_VALUE);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < PAYING_CLIENTS; i++) {
            BenchMerchant merchant = merchants.get(i % merchants.size());
            Thread t = new Thread(() -> pay(driver, merchant, merchants.size(), target, tally), "paying-" + i);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
        long lastPrint = started;
        // (time, paid) every half second: the rate over the last 5 s, since the first seconds of
        // 32 clients waiting for their first notifications say little about the rate
        Deque<long[]> history = new ArrayDeque<>();
        while (clients.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(500);
            long now = System.nanoTime();
            history.addLast(new long[] {now, tally.done.sum()});
            while (now - history.peekFirst()[0] > RATE_OVER.toNanos()) {
                history.removeFirst();
            }
            if (now - started >= RATE_OVER.toNanos()) {
                long[] first = history.peekFirst();
                double recent = (tally.done.sum() - first[1]) / Math.max(0.5, (now - first[0]) / 1e9);
                double rate = Math.max(recent, Double.isNaN(expectedPerSecond) ? 0 : expectedPerSecond);
                long wanted = (long) Math.ceil(MARGIN * rate * window.toSeconds()) + PAYING_CLIENTS;
                long before = target.get();
                if (before == Long.MAX_VALUE || wanted > before) {
                    target.set(wanted);
                    if (before == Long.MAX_VALUE || wanted > before * 1.1) {
                        Bench.say(String.format(Locale.ROOT, "paying %d payments to refund (%.1f/s now; %d s window)",
                                wanted, recent, window.toSeconds()));
                    }
                }
            }
            if (now - lastPrint > Steps.PROGRESS.toNanos()) {
                lastPrint = now;
                Bench.say("paid " + tally.done.sum() + " of " + (target.get() == Long.MAX_VALUE ? "?" : target.get())
                        + " payments to refund (failed " + tally.failed.sum() + ", unfinished " + tally.unfinished.sum()
                        + ")");
            }
        }
    }

    /** One paying client: card payments for its merchant until the merchant's pool holds its share of the target. */
    private void pay(Driver driver, BenchMerchant merchant, int merchantCount, AtomicLong target,
                     Driver.Tally tally) {
        Queue<String> pool = pool(merchant);
        try {
            while (pool.size() < Math.ceil(target.get() / (double) merchantCount)) {
                Driver.Outcome outcome = driver.run(payments, merchant, tally);
                if (outcome.end() == Driver.End.DONE) {
                    pool.add(outcome.id());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Queue<String> pool(BenchMerchant merchant) {
        return pools.computeIfAbsent(merchant.id(), id -> new ConcurrentLinkedQueue<>());
    }

    @Override
    public String unit() {
        return "refunds";
    }
}
