package io.payrail.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the stack's processes, from {@code /proc/<pid>/stat}: user plus system time of all of
 * a process's threads ({@code utime + stime}, fields 14 and 15), in clock ticks. The pids come from
 * the stack's pid files, read once when the bench starts; a process that is gone, or was restarted
 * under another pid, has no figure rather than a wrong one.
 */
final class ProcessCpu {

    /** The bench's own process: the load, the signatures, the notification receiver. */
    static final String SELF = "bench";

    private final Map<String, Long> pids;
    private final long ticksPerSecond;

    /**
     * @param pids           process name to pid; {@link #SELF} is added
     * @param ticksPerSecond the kernel's USER_HZ ({@code getconf CLK_TCK}, 100 on Linux)
     */
    ProcessCpu(Map<String, Long> pids, long ticksPerSecond) {
        if (ticksPerSecond <= 0) {
            throw new IllegalArgumentException("clock ticks per second must be positive: " + ticksPerSecond);
        }
        this.pids = new LinkedHashMap<>(pids);
        this.pids.put(SELF, ProcessHandle.current().pid());
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Each process's CPU seconds so far, in the order given; NaN for one whose stat cannot be read. */
    Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, secondsOf(pid)));
        return seconds;
    }

    Iterable<String> names() {
        return pids.keySet();
    }

    private double secondsOf(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII))
                    / (double) ticksPerSecond;
        } catch (IOException | IllegalArgumentException e) {
            // gone (NoSuchFileException) or not a process we can read: no figure
            return Double.NaN;
        }
    }

    /**
     * {@code utime + stime} of one {@code /proc/<pid>/stat} line. The command name (field 2) is in
     * parentheses and may itself hold spaces and parentheses, so fields are counted from the last
     * closing parenthesis: field 3 (state) is the first after it.
     */
    static long ticks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: no ')' after the command name");
        }
        String[] fields = statLine.substring(close + 1).strip().split("\\s+");
        // fields[0] is field 3 of the line, so field N is fields[N - 3]
        if (fields.length < 13) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line has at least 15 fields; this one has "
                    + (fields.length + 2));
        }
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /** CPU seconds between two readings, per payment, in milliseconds; NaN where either reading is missing. */
    static Map<String, Double> millisPerPayment(Map<String, Double> before, Map<String, Double> after, long payments) {
        Map<String, Double> per = new LinkedHashMap<>();
        before.forEach((name, start) -> {
            Double end = after.get(name);
            per.put(name, end == null || payments <= 0 ? Double.NaN : (end - start) * 1000 / payments);
        });
        return per;
    }
}
