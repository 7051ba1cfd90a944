package io.payrail.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The gateway's bookkeeping tables, as housekeeping deletes from them: each batch is its own
 * transaction, so a failed batch rolls back only itself and never the housekeeping timer's call.
 */
@Stateless
public class GatewayTables {

    /** A table and the column that dates its rows. */
    public enum Table {
        REQUEST_NONCE("request_nonce", "seen_at"),
        RATE_LIMIT_WINDOW("rate_limit_window", "window_start"),
        IDEMPOTENCY_RECORD("idempotency_record", "created_at");

        private final String name;
        private final String dateColumn;

        Table(String name, String dateColumn) {
            this.name = name;
            this.dateColumn = dateColumn;
        }
    }

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    /** Deletes at most {@code limit} rows dated before {@code before}; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteOlder(Table table, Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM " + table.name + " WHERE " + table.dateColumn + " < ? LIMIT " + limit)
                .setParameter(1, before).executeUpdate();
    }
}
