package io.payrail.web.api.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Whether a failure means "a service Payrail depends on is not there right now" (the database
 * unreachable, its connection pool empty) rather than a fault in the request or in Payrail. Such a
 * failure is answered 503 with Retry-After, so clients retry with the same keys instead of taking
 * the request as failed; it is logged without a stack trace per request (an outage makes many).
 */
public final class Outages {

    /** Seconds a client is asked to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (JDBC drivers, and Hibernate's JDBCConnectionException)
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // the pool closed every connection when one failed (fail-all-connections): a request still
            // holding one of them finds its statement closed under it (Connector/J, SQLSTATE S1009)
            if (t instanceof SQLException sql && t.getMessage() != null
                    && t.getMessage().startsWith("No operations allowed after statement closed")) {
                return true;
            }
            String type = t.getClass().getName();
            // the transaction manager could not complete a commit because its resource failed (the
            // database went away mid-commit): whether the work committed is for the retry to find
            // out, and every mutating call is safe to retry (merchant order numbers, refund numbers
            // and Idempotency-Keys are unique)
            if (type.equals("jakarta.transaction.SystemException")
                    || type.equals("org.hibernate.exception.JDBCConnectionException")
                    || type.equals("jakarta.resource.spi.ResourceAllocationException")
                    || (type.equals("jakarta.resource.ResourceException") && t.getMessage() != null
                    && t.getMessage().contains("allocating a connection"))) {
                return true;
            }
        }
        return false;
    }

    /** The cause that says what is missing, for the log line. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
