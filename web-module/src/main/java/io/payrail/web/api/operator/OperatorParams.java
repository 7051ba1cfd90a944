package io.payrail.web.api.operator;

import io.payrail.web.api.problem.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query and body values of the operator API that Bean Validation cannot type: days, limits. */
final class OperatorParams {

    private OperatorParams() {
    }

    /** A UTC day {@code yyyy-MM-dd}. */
    static LocalDate day(String name, String value) {
        if (value == null) {
            throw new InvalidFieldException(name, "is required: a day yyyy-MM-dd (UTC)");
        }
        try {
            if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("not yyyy-MM-dd", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, "must be a day yyyy-MM-dd (UTC), e.g. 2026-03-01");
        }
    }

    /** An optional instant (ISO-8601, e.g. 2026-03-01T00:00:00Z); null when absent. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, "must be an instant like 2026-03-01T00:00:00Z (UTC)");
        }
    }

    /** An optional page size from 1 to {@code max}; {@code fallback} when absent. */
    static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new InvalidFieldException("limit", "must be a whole number from 1 to " + max);
    }
}
