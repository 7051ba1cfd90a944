package io.payrail.reconciliation;

import io.payrail.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One statement file as a channel sent it, with its SHA-256 and what importing it gave. */
@Entity
@Table(name = "statement_file")
public class StatementFile {

    public static final String IMPORTED = "IMPORTED";
    public static final String REFUSED = "REFUSED";

    @Id
    private String id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    @Column(name = "statement_day", nullable = false, updatable = false)
    private LocalDate statementDay;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Column(name = "sha256", nullable = false, updatable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private int sizeBytes;

    // LONGBLOB: a day's file can be megabytes; read only when the file itself is asked for
    @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "status", nullable = false, updatable = false)
    private String status;

    @Column(name = "line_count", nullable = false, updatable = false)
    private int lineCount;

    @Column(name = "new_movements", nullable = false, updatable = false)
    private int newMovements;

    @Column(name = "error", updatable = false)
    private String error;

    @Column(name = "fetched_at", nullable = false, updatable = false)
    private Instant fetchedAt;

    protected StatementFile() {
    }

    StatementFile(String channelId, LocalDate day, int version, String sha256, byte[] content, String status,
                  int lineCount, int newMovements, String error, Instant now) {
        this.id = Ids.next("stf");
        this.channelId = channelId;
        this.statementDay = day;
        this.version = version;
        this.sha256 = sha256;
        this.sizeBytes = content.length;
        this.content = content;
        this.status = status;
        this.lineCount = lineCount;
        this.newMovements = newMovements;
        this.error = error == null || error.length() <= 512 ? error : error.substring(0, 512);
        this.fetchedAt = now;
    }

    public String id() {
        return id;
    }

    /** What an import of this file reports; {@code unchanged} when the same bytes were imported before. */
    StatementImport view(boolean unchanged) {
        return new StatementImport(id, channelId, statementDay, version, sha256, sizeBytes, status, lineCount,
                unchanged ? 0 : newMovements, unchanged, error, fetchedAt);
    }
}
