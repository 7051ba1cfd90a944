package io.payrail.web.soap;

import io.payrail.web.api.payments.ApiPatterns;
import io.payrail.web.api.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The signed payload of a SOAP request: its fields as {@code name=value} lines sorted by name,
 * absent fields left out; a dateTime is written as the UTC instant in ISO-8601 with the fewest
 * fraction digits (Java's {@code Instant.toString()}, e.g. {@code 2026-11-27T00:00:00Z}).
 * <p>
 * Lines are only unambiguous if no value can break one: a string holding a control character or
 * a line break ({@link ApiPatterns#CONTROL}) is refused here, before a byte is signed (a
 * merchantOrderNo {@code "m\npaymentId=p"} would otherwise sign like two fields). Every string
 * field of every operation is put here, so the rule covers them all.
 */
final class SoapCanonical {

    private static final Pattern CONTROL = Pattern.compile(ApiPatterns.CONTROL);

    private final Map<String, String> fields = new TreeMap<>();
    private final List<Problem.FieldError> errors = new ArrayList<>();

    SoapCanonical put(String name, Object value) {
        if (value instanceof String text) {
            Matcher control = CONTROL.matcher(text);
            if (control.find()) {
                errors.add(new Problem.FieldError(name, String.format("must not contain control characters or line"
                        + " breaks (U+%04X found)", text.codePointAt(control.start()))));
                return this;
            }
        }
        if (value != null) {
            fields.put(name, value instanceof XMLGregorianCalendar c ? instant(c).toString()
                    : value instanceof Enum<?> e ? e.name() : value.toString());
        }
        return this;
    }

    /** The payload's bytes, once every value is known to keep to its line. */
    byte[] bytes() {
        if (!errors.isEmpty()) {
            throw new SoapValidationException(errors);
        }
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
    }

    static Instant instant(XMLGregorianCalendar calendar) {
        return calendar.toGregorianCalendar().toZonedDateTime().toInstant();
    }
}
