package io.payrail.simulator.web;

import io.payrail.simulator.bank.Bank;
import io.payrail.simulator.bank.ChargeBook;
import io.payrail.simulator.bank.TransactionIds;
import io.payrail.simulator.bank.TransferBook;
import io.payrail.simulator.channel.Fees;
import io.payrail.simulator.channel.StatementDiffs;
import io.payrail.simulator.fault.FailurePlan;
import io.payrail.simulator.journal.JsonLinesJournal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the simulated banks when the application starts and closes their journals when it stops:
 * SIMBANK and SIMBANK2, two independent card acquirers with the same protocol, each with its own
 * journal ({@code simbank-journal.jsonl}, {@code simbank2-journal.jsonl}), failure plan and id
 * prefixes ({@code sb_}/{@code sr_}, {@code sb2_}/{@code sr2_}). Started eagerly so that the
 * journals are replayed (or found damaged, failing the deployment) before the first request rather
 * than during it.
 *
 * <p>Settings, each with a default (as system properties, e.g. {@code -Dsimulator.latencyMs=5}, or
 * as environment variables, e.g. {@code SIMULATOR_LATENCYMS=5}):
 * <ul>
 * <li>{@code simulator.dataDir}: where journals live; default {@code ${java.io.tmpdir}/payrail-simulator}</li>
 * <li>{@code simulator.latencyMs}: delay before every answer, default 20</li>
 * <li>{@code simulator.journalSync}: fsync every journal line, default false (a killed process
 * loses nothing either way; only a power cut would)</li>
 * <li>{@code simulator.bank.feeBps}, {@code simulator.bank2.feeBps}: each bank's fee on a charge in
 * basis points, as its statement shows it; default 25 and 30</li>
 * </ul>
 */
@ApplicationScoped
public class SimulatorRuntime {

    public static final String SIMBANK = "SIMBANK";
    public static final String SIMBANK2 = "SIMBANK2";

    private static final Logger LOG = Logger.getLogger(SimulatorRuntime.class.getName());

    @Inject
    @ConfigProperty(name = "simulator.dataDir")
    Optional<String> dataDir;

    @Inject
    @ConfigProperty(name = "simulator.latencyMs", defaultValue = "20")
    long latencyMs;

    @Inject
    @ConfigProperty(name = "simulator.journalSync", defaultValue = "false")
    boolean journalSync;

    /** SIMBANK's fee on a charge, basis points, rounded half-even (its statement's fee_minor). */
    @Inject
    @ConfigProperty(name = "simulator.bank.feeBps", defaultValue = "25")
    long bankFeeBps;

    @Inject
    @ConfigProperty(name = "simulator.bank2.feeBps", defaultValue = "30")
    long bank2FeeBps;

    private final List<Closeable> journals = new ArrayList<>();
    private Bank simBank;
    private Bank simBank2;

    @PostConstruct
    void start() {
        Path dir = Path.of(dataDir.orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"),
                "payrail-simulator").toString()));
        try {
            simBank = open(SIMBANK, dir, "simbank", "sb", "sr", bankFeeBps);
            simBank2 = open(SIMBANK2, dir, "simbank2", "sb2", "sr2", bank2FeeBps);
        } catch (RuntimeException e) {
            // a damaged journal fails the deployment; do not leave the other one open
            stop();
            throw e;
        }
    }

    /**
     * One bank: its own journals (replayed now: {@code <name>-journal.jsonl} for payments, refunds and
     * closes, {@code <name>-transfers.jsonl} for transfers), book, failure plan, fee and id prefixes.
     */
    private Bank open(String channelId, Path dir, String name, String transactionPrefix, String refundPrefix,
                      long feeBps) {
        JsonLinesJournal journal = new JsonLinesJournal(dir.resolve(name + "-journal.jsonl"), journalSync);
        journals.add(journal);
        ChargeBook book = ChargeBook.open(journal, Clock.systemUTC(), TransactionIds.withPrefix(transactionPrefix),
                TransactionIds.withPrefix(refundPrefix));
        TransferBook transfers = new TransferBook(dir.resolve(name + "-transfers.jsonl"), journalSync,
                Clock.systemUTC(), TransactionIds.withPrefix(transactionPrefix.replace("sb", "st")));
        journals.add(transfers);
        LOG.info(() -> channelId + " open: journal " + journal.file() + ", latency " + latencyMs + " ms, fee "
                + feeBps + " bps, " + book.totals() + ", " + transfers.totals().refs() + " transfers");
        return new Bank(channelId, book, new FailurePlan(latencyMs), new Fees(feeBps),
                new StatementDiffs(transactionPrefix), transfers);
    }

    /** Forces {@link #start()} at deployment. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.fine("simulator started");
    }

    @PreDestroy
    void stop() {
        for (Closeable journal : journals) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.warning(() -> "closing a journal: " + e.getMessage());
            }
        }
        journals.clear();
    }

    public Bank simBank() {
        return simBank;
    }

    public Bank simBank2() {
        return simBank2;
    }

    /**
     * The bank whose API lives under {@code /sim/<path>/v1}: {@code bank} is SIMBANK, {@code bank2}
     * SIMBANK2.
     *
     * @throws jakarta.ws.rs.NotFoundException for any other path (404)
     */
    public Bank bankAt(String path) {
        return switch (path) {
            case "bank" -> simBank;
            case "bank2" -> simBank2;
            default -> throw new NotFoundException("no bank at /sim/" + path);
        };
    }
}
