package io.payrail.simulator.web;

import io.payrail.simulator.bank.Bank;
import io.payrail.simulator.bank.ChargeBook;
import io.payrail.simulator.bank.TransactionIds;
import io.payrail.simulator.fault.FailurePlan;
import io.payrail.simulator.journal.JsonLinesJournal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the simulated banks when the application starts and closes their journals when it stops.
 * Started eagerly so that the journal is replayed (or found damaged, failing the deployment)
 * before the first request rather than during it.
 *
 * <p>Settings, each with a default (as system properties, e.g. {@code -Dsimulator.latencyMs=5}, or
 * as environment variables, e.g. {@code SIMULATOR_LATENCYMS=5}):
 * <ul>
 * <li>{@code simulator.dataDir}: where journals live; default {@code ${java.io.tmpdir}/payrail-simulator}</li>
 * <li>{@code simulator.latencyMs}: delay before every answer, default 20</li>
 * <li>{@code simulator.journalSync}: fsync every journal line, default false (a killed process
 * loses nothing either way; only a power cut would)</li>
 * </ul>
 */
@ApplicationScoped
public class SimulatorRuntime {

    public static final String SIMBANK = "SIMBANK";

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

    private JsonLinesJournal simBankJournal;
    private Bank simBank;

    @PostConstruct
    void start() {
        Path dir = Path.of(dataDir.orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"),
                "payrail-simulator").toString()));
        simBankJournal = new JsonLinesJournal(dir.resolve("simbank-journal.jsonl"), journalSync);
        ChargeBook book = ChargeBook.open(simBankJournal, Clock.systemUTC(), TransactionIds.withPrefix("sb"),
                TransactionIds.withPrefix("sr"));
        simBank = new Bank(SIMBANK, book, new FailurePlan(latencyMs));
        LOG.info(() -> SIMBANK + " open: journal " + simBankJournal.file() + ", latency " + latencyMs
                + " ms, " + book.totals());
    }

    /** Forces {@link #start()} at deployment. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.fine("simulator started");
    }

    @PreDestroy
    void stop() {
        if (simBankJournal != null) {
            simBankJournal.close();
        }
    }

    public Bank simBank() {
        return simBank;
    }
}
