package io.payrail.reconciliation;

import io.payrail.channel.ChannelStatementSource;
import io.payrail.channel.ChannelStatementSource.StatementDownload;
import io.payrail.channel.ChannelStatementSource.StatementUnavailableException;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Fetches a channel's statement of one day through its {@link ChannelStatementSource} and imports
 * it in one transaction: the file is kept raw with its SHA-256, every movement it lists is added
 * once. The same bytes again change nothing (found by checksum); a longer file of the same day (a
 * channel publishes today's file as it grows) is its next version and adds only its new movements.
 * A malformed or truncated file is kept as REFUSED, with why, and none of its lines is imported.
 */
@Stateless
public class StatementImports {

    private static final Logger LOG = Logger.getLogger(StatementImports.class.getName());

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @Any
    private Instance<ChannelStatementSource> sources;

    /** The channels that publish a statement, by id. */
    public Map<String, ChannelStatementSource> sources() {
        Map<String, ChannelStatementSource> out = new TreeMap<>();
        for (ChannelStatementSource source : sources) {
            out.put(source.channelId(), source);
        }
        return out;
    }

    /**
     * Fetches and imports the statement of {@code channelId} for {@code day}.
     *
     * @throws PayrailException CHANNEL_NOT_FOUND for a channel without a statement source,
     *         STATEMENT_UNAVAILABLE when the channel could not give it now
     */
    public StatementImport fetchAndImport(String channelId, LocalDate day) {
        ChannelStatementSource source = Optional.ofNullable(sources().get(channelId)).orElseThrow(() ->
                new PayrailException(ErrorCode.CHANNEL_NOT_FOUND, "no statement source for channel " + channelId
                        + "; channels with one: " + String.join(", ", sources().keySet())));
        StatementDownload download;
        try {
            download = source.fetch(day);
        } catch (StatementUnavailableException e) {
            LOG.warning(() -> "statement of " + channelId + " for " + day + " unavailable: " + e.getMessage());
            throw new PayrailException(ErrorCode.STATEMENT_UNAVAILABLE, e.getMessage());
        }
        return importFile(channelId, day, download.body());
    }

    /** Imports one file as received (the fetch's second half; also what a test or a manual upload calls). */
    public StatementImport importFile(String channelId, LocalDate day, byte[] body) {
        String sha256 = sha256(body);
        List<StatementFile> same = em.createQuery("select f from StatementFile f where f.channelId = :c"
                        + " and f.statementDay = :d and f.sha256 = :s", StatementFile.class)
                .setParameter("c", channelId).setParameter("d", day).setParameter("s", sha256).getResultList();
        if (!same.isEmpty()) {
            return same.get(0).view(true);
        }
        int version = em.createQuery("select coalesce(max(f.version), 0) from StatementFile f where f.channelId = :c"
                        + " and f.statementDay = :d", Integer.class)
                .setParameter("c", channelId).setParameter("d", day).getSingleResult() + 1;
        List<StatementLine> lines;
        try {
            lines = StatementParser.parse(body, day);
        } catch (StatementParser.StatementFormatException e) {
            StatementFile refused = new StatementFile(channelId, day, version, sha256, body, StatementFile.REFUSED, 0, 0,
                    e.getMessage(), clock.instant());
            em.persist(refused);
            LOG.severe(() -> "statement of " + channelId + " for " + day + " (version " + version + ", sha256 " + sha256
                    + ") refused, nothing imported: " + e.getMessage() + "; ask the channel for a correct file");
            return refused.view(false);
        }
        Set<String> known = new HashSet<>(em.createQuery("select concat(m.type, '|', m.channelTxnId, '|',"
                        + " m.channelRefundId) from ChannelMovement m where m.channelId = :c and m.statementDay = :d",
                        String.class)
                .setParameter("c", channelId).setParameter("d", day).getResultList());
        StatementFile file = new StatementFile(channelId, day, version, sha256, body, StatementFile.IMPORTED,
                lines.size(), (int) lines.stream().filter(l -> !known.contains(l.movementKey())).count(), null,
                clock.instant());
        em.persist(file);
        int added = 0;
        for (StatementLine line : lines) {
            if (known.add(line.movementKey())) {
                em.persist(new ChannelMovement(channelId, line, day, file.id()));
                if (++added % 500 == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        int newMovements = added;
        LOG.info(() -> "statement of " + channelId + " for " + day + " imported: version " + version + ", "
                + lines.size() + " line(s), " + newMovements + " new movement(s), sha256 " + sha256);
        return file.view(false);
    }

    /** Whether a statement of that day was imported (a refused file does not count). */
    public boolean imported(String channelId, LocalDate day) {
        return em.createQuery("select count(f) from StatementFile f where f.channelId = :c and f.statementDay = :d"
                        + " and f.status = :s", Long.class)
                .setParameter("c", channelId).setParameter("d", day).setParameter("s", StatementFile.IMPORTED)
                .getSingleResult() > 0;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
