package io.payrail.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** Counters the clients share; read by the progress printer. */
final class LoadStats {

    final LongAdder requests = new LongAdder();
    /** CASHIER orders whose payer finished at the cashier (paid, or the order no longer payable). */
    final LongAdder paidAtCashier = new LongAdder();
    final LongAdder created = new LongAdder();      // 201
    final LongAdder replayed = new LongAdder();     // 200: the order existed (a retry whose first try had landed)
    final LongAdder retried = new LongAdder();      // attempts after the first, over all orders
    final LongAdder unconfirmed = new LongAdder();  // gave up at the deadline
    final LongAdder rejected = new LongAdder();     // a final 4xx: not retried
    final AtomicLong inRetry = new AtomicLong();    // orders whose last attempt failed and that are being retried now
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final BiConsumer<String, String> firstOfKind;

    LoadStats(BiConsumer<String, String> firstOfKind) {
        this.firstOfKind = firstOfKind;
    }

    /** Counts one error; the first of each kind is also printed with its detail, for diagnosis. */
    void error(String kind, String detail) {
        LongAdder counter = errors.get(kind);
        if (counter == null) {
            LongAdder fresh = new LongAdder();
            counter = errors.putIfAbsent(kind, fresh);
            if (counter == null) {
                counter = fresh;
                firstOfKind.accept(kind, detail);
            }
        }
        counter.increment();
    }

    /** Errors of the kinds the filter accepts, e.g. {@link #isUnsigned404}. */
    long errorsOf(Predicate<String> kind) {
        return errors.entrySet().stream().filter(e -> kind.test(e.getKey())).mapToLong(e -> e.getValue().sum()).sum();
    }

    /** The server's own "not found" page, not the API's: an SDK would read it as "no such order". */
    static boolean isUnsigned404(String kind) {
        return kind.equals("unsigned-http-404");
    }

    /** Any 5xx status, signed by the API or not. */
    static boolean isStatus5xx(String kind) {
        return kind.matches("(unsigned-)?http-5\\d\\d");
    }

    long errorTotal() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** e.g. {@code connect-refused 120, http-503 4}; "none" when there were none. */
    String errorsText() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((k, v) -> sorted.put(k, v.sum()));
        if (sorted.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        sorted.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }
}
