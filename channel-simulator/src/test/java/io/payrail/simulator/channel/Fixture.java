package io.payrail.simulator.channel;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A channel on virtual time with a scripted callback transport, for the channels' unit tests. Ids
 * are predictable ({@code 00000000000000000000000000000001}, ...); fees are 60 bps.
 */
public final class Fixture<C extends Channel> {

    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    public static final URI CALLBACK_URL = URI.create("http://127.0.0.1:9/callbacks");

    public final MutableClock clock = new MutableClock(START);
    public final ManualScheduler scheduler = new ManualScheduler(clock);
    public final ScriptedTransport transport;
    public final ChannelLedger ledger;
    public final FaultPlan faults;
    public final PlatformKey platformKey = new PlatformKey();
    public final C channel;

    private final AtomicInteger ids = new AtomicInteger();

    public Fixture(ChannelId id, LedgerLog log, ScriptedTransport transport, long refundDelayMs,
                   Function<Channel.Context, C> factory) {
        this.transport = transport;
        this.faults = new FaultPlan(id, 0);
        this.ledger = ChannelLedger.open(id, log, clock, () -> String.format("%032d", ids.incrementAndGet()),
                new Fees(60), faults::captured);
        Channel.Context context = new Channel.Context(ledger, faults, scheduler, clock, transport, TestKeys.CHANNEL,
                platformKey, new ChannelSettings(CALLBACK_URL, refundDelayMs,
                new RetrySchedule(List.of(1_000L, 2_000L, 4_000L), 5)), Duration.ofMinutes(5));
        this.channel = factory.apply(context);
    }

    /** Runs every callback delivery, retry and delayed task due within {@code millis}. */
    public void advance(long millis) {
        scheduler.advance(millis);
    }
}
