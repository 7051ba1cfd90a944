package io.payrail.simulator.message;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * What the platform sent, newest first, in memory: the latest {@value #CAPACITY} messages (a test
 * reads a code seconds after it was sent; nothing here must outlive a restart).
 */
public final class MessageBox {

    static final int CAPACITY = 10_000;
    static final int MAX_TO = 254;
    static final int MAX_TEXT = 1_000;
    private static final Pattern CHANNEL = Pattern.compile("EMAIL|SMS");
    private static final Pattern PURPOSE = Pattern.compile("[A-Z_]{1,32}");

    private final Deque<Message> messages = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    public MessageBox(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Keeps a message.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public Message send(String to, String channel, String purpose, String text) {
        if (to == null || to.isBlank() || to.length() > MAX_TO) {
            throw new IllegalArgumentException("to must be an address or phone number of 1-" + MAX_TO + " characters");
        }
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be EMAIL or SMS");
        }
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("purpose must be 1-32 capital letters or underscores, e.g. VERIFY");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be 1-" + MAX_TEXT + " characters");
        }
        Message message = new Message("msg_" + sequence.incrementAndGet(), to, channel, purpose, text, clock.instant());
        synchronized (messages) {
            messages.addFirst(message);
            while (messages.size() > CAPACITY) {
                messages.removeLast();
            }
        }
        return message;
    }

    /** The messages to {@code to} (all when null), newest first. */
    public List<Message> to(String to) {
        List<Message> found = new ArrayList<>();
        synchronized (messages) {
            for (Iterator<Message> it = messages.iterator(); it.hasNext(); ) {
                Message m = it.next();
                if (to == null || m.to().equals(to)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
    }
}
