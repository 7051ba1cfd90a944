package io.payrail.common;

import java.sql.SQLException;

/** Reads database failures that business code must tell apart from other failures. */
public final class Persistence {

    /** MySQL and MariaDB: ER_DUP_ENTRY. */
    private static final int DUPLICATE_KEY = 1062;

    private Persistence() {
    }

    /** True when {@code failure} (or a cause) is a unique-key violation. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
