package io.payrail.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Values read by native queries, whose Java type depends on the driver and the provider
 * (a DATETIME comes back as Timestamp or LocalDateTime, a DATE as java.sql.Date or LocalDate), and
 * text cut to fit its column.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** A DATETIME(6) column, stored in UTC. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    public static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** {@code text} cut to a VARCHAR({@code max}) column; null stays null. */
    public static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
