package io.payrail.simulator.web;

import io.payrail.simulator.channel.CallbackTransport;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelId;
import io.payrail.simulator.channel.ChannelKeys;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.ChannelSettings;
import io.payrail.simulator.channel.FaultPlan;
import io.payrail.simulator.channel.Fees;
import io.payrail.simulator.channel.HttpCallbackTransport;
import io.payrail.simulator.channel.JournalLedgerLog;
import io.payrail.simulator.channel.PlatformKey;
import io.payrail.simulator.channel.RetrySchedule;
import io.payrail.simulator.channel.Scheduler;
import io.payrail.simulator.channel.Wire;
import io.payrail.simulator.channel.card.CardGateway;
import io.payrail.simulator.channel.quickpay.QuickPay;
import io.payrail.simulator.channel.wallet.Wallet;
import io.payrail.simulator.crypto.KeyPairFiles;
import io.payrail.simulator.crypto.Pem;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Builds CARDGW, QUICKPAY and WALLET when the application starts (eagerly, so their journals are
 * replayed, their keys made and their unacknowledged callbacks resumed before the first request)
 * and closes their journals when it stops.
 *
 * <p>Settings (MicroProfile Config: system properties such as {@code -Dsimulator.cardgw.feeBps=60},
 * or environment variables such as {@code SIMULATOR_CARDGW_FEEBPS}); {@code <ch>} is {@code cardgw},
 * {@code quickpay} or {@code wallet}:
 * <ul>
 * <li>{@code simulator.dataDir}: journals and keys, default {@code ${java.io.tmpdir}/payrail-simulator}</li>
 * <li>{@code simulator.latencyMs} (20) and {@code simulator.<ch>.latencyMs}: delay before every answer</li>
 * <li>{@code simulator.journalSync} (false): fsync every journal line</li>
 * <li>{@code simulator.<ch>.callbackUrl}: default {@code https://localhost:8181/api/channel-callbacks/<ch>}</li>
 * <li>{@code simulator.callbackTrustCert}: PEM of certificates to trust for https callbacks (default: the JVM's trust store)</li>
 * <li>{@code simulator.platformPublicKey}, {@code simulator.<ch>.platformPublicKey}: PEM (public key or certificate)
 * to verify the platform's request signatures; none: unsigned requests are accepted</li>
 * <li>{@code simulator.<ch>.feeBps}: fee in basis points (cardgw 60, quickpay 35, wallet 38)</li>
 * <li>{@code simulator.<ch>.refundDelayMs}: 0 = refunds succeed at once (cardgw, quickpay); wallet 1000</li>
 * <li>{@code simulator.callbackRetryDelaysMs} ("1000,2000,5000,15000,30000,60000") and
 * {@code simulator.callbackMaxAttempts} (50)</li>
 * <li>{@code simulator.signatureMaxSkewSeconds} (300): allowed clock difference of signed requests</li>
 * <li>{@code simulator.publicUrl}: base URL of the payer pages (default: the URL the request came to)</li>
 * </ul>
 */
@ApplicationScoped
public class ChannelRuntime {

    private static final Logger LOG = Logger.getLogger(ChannelRuntime.class.getName());

    private static final Map<ChannelId, Long> DEFAULT_FEE_BPS = Map.of(
            ChannelId.CARDGW, 60L, ChannelId.QUICKPAY, 35L, ChannelId.WALLET, 38L);
    private static final Map<ChannelId, Long> DEFAULT_REFUND_DELAY_MS = Map.of(
            ChannelId.CARDGW, 0L, ChannelId.QUICKPAY, 0L, ChannelId.WALLET, 1_000L);

    @Inject
    Config config;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    private final Map<ChannelId, Channel> channels = new EnumMap<>(ChannelId.class);
    private final List<JournalLedgerLog> journals = new ArrayList<>();
    private Optional<String> publicUrl = Optional.empty();

    @PostConstruct
    void start() {
        Path dir = Path.of(config.getOptionalValue("simulator.dataDir", String.class)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "payrail-simulator").toString()));
        long latency = config.getOptionalValue("simulator.latencyMs", Long.class).orElse(20L);
        boolean sync = config.getOptionalValue("simulator.journalSync", Boolean.class).orElse(false);
        Duration skew = Duration.ofSeconds(config.getOptionalValue("simulator.signatureMaxSkewSeconds", Long.class)
                .orElse(300L));
        RetrySchedule retries = new RetrySchedule(
                RetrySchedule.parseDelays(config.getOptionalValue("simulator.callbackRetryDelaysMs", String.class)
                        .orElse("1000,2000,5000,15000,30000,60000")),
                config.getOptionalValue("simulator.callbackMaxAttempts", Integer.class).orElse(50));
        publicUrl = config.getOptionalValue("simulator.publicUrl", String.class)
                .map(u -> u.endsWith("/") ? u : u + "/");
        Optional<Path> trust = config.getOptionalValue("simulator.callbackTrustCert", String.class).map(Path::of);
        CallbackTransport transport = HttpCallbackTransport.create(trust.orElse(null));
        trust.ifPresent(t -> LOG.info(() -> "https callbacks trust the certificates in " + t));
        Scheduler scheduler = (task, delay) -> executor.schedule(guarded(task), delay, TimeUnit.MILLISECONDS);

        for (ChannelId id : ChannelId.values()) {
            String p = "simulator." + id.path() + ".";
            KeyPairFiles keyFiles = KeyPairFiles.loadOrCreate(dir.resolve("keys"), id.path());
            LOG.info(() -> id + " public key: " + keyFiles.publicFile() + " (key id " + keyFiles.keyId()
                    + "; also served at /sim/admin/channels/" + id.path() + "/public-key)");
            JournalLedgerLog journal = new JournalLedgerLog(dir.resolve(id.path() + "-journal.jsonl"), sync);
            journals.add(journal);
            FaultPlan faults = new FaultPlan(id, config.getOptionalValue(p + "latencyMs", Long.class).orElse(latency));
            ChannelLedger ledger = ChannelLedger.open(id, journal, Clock.systemUTC(), Wire::randomHex,
                    new Fees(config.getOptionalValue(p + "feeBps", Long.class).orElse(DEFAULT_FEE_BPS.get(id))),
                    faults::captured);
            PlatformKey platformKey = platformKey(id);
            ChannelSettings settings = new ChannelSettings(
                    config.getOptionalValue(p + "callbackUrl", String.class).map(URI::create)
                            .orElse(ChannelSettings.defaultCallbackUrl(id)),
                    config.getOptionalValue(p + "refundDelayMs", Long.class).orElse(DEFAULT_REFUND_DELAY_MS.get(id)),
                    retries);
            Channel.Context context = new Channel.Context(ledger, faults, scheduler, Clock.systemUTC(), transport,
                    ChannelKeys.of(new KeyPair(keyFiles.publicKey(), keyFiles.privateKey())), platformKey, settings,
                    skew);
            Channel channel = switch (id) {
                case CARDGW -> new CardGateway(context);
                case QUICKPAY -> new QuickPay(context);
                case WALLET -> new Wallet(context);
            };
            channels.put(id, channel);
            LOG.info(() -> id + " open: journal " + journal.file() + ", callbacks to " + settings.callbackUrl()
                    + ", requests " + platformKey.source().map(s -> "verified with the platform key in " + s)
                    .orElse("NOT verified (no platform public key configured)") + ", " + ledger.totals());
        }
        channels.values().forEach(Channel::resume);
    }

    private PlatformKey platformKey(ChannelId id) {
        PlatformKey key = new PlatformKey();
        Optional<String> path = config.getOptionalValue("simulator." + id.path() + ".platformPublicKey", String.class)
                .or(() -> config.getOptionalValue("simulator.platformPublicKey", String.class));
        path.ifPresent(file -> {
            try {
                key.set(Pem.publicKey(Files.readString(Path.of(file), StandardCharsets.US_ASCII)), file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the platform public key " + file + " for " + id, e);
            }
        });
        return key;
    }

    /** A scheduled task must not die silently: the executor would swallow its exception. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "scheduled channel task failed", e);
            }
        };
    }

    /** Forces {@link #start()} at deployment. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.fine("channels started");
    }

    @PreDestroy
    void stop() {
        journals.forEach(JournalLedgerLog::close);
    }

    public Channel channel(ChannelId id) {
        return channels.get(id);
    }

    public CardGateway cardGateway() {
        return (CardGateway) channels.get(ChannelId.CARDGW);
    }

    public QuickPay quickPay() {
        return (QuickPay) channels.get(ChannelId.QUICKPAY);
    }

    public Wallet wallet() {
        return (Wallet) channels.get(ChannelId.WALLET);
    }

    /** The base URL for payer pages: {@code simulator.publicUrl}, else the one the request came to. */
    public String baseUrl(URI requestBase) {
        return publicUrl.orElseGet(() -> {
            String base = requestBase.toString();
            return base.endsWith("/") ? base : base + "/";
        });
    }
}
