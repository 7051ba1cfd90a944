package io.payrail.web.soap;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The signed payload of a SOAP request: its fields as {@code name=value} lines sorted by name,
 * absent fields left out; a dateTime is written as the UTC instant in ISO-8601 with the fewest
 * fraction digits (Java's {@code Instant.toString()}, e.g. {@code 2026-11-27T00:00:00Z}).
 */
final class SoapCanonical {

    private final Map<String, String> fields = new TreeMap<>();

    SoapCanonical put(String name, Object value) {
        if (value != null) {
            fields.put(name, value instanceof XMLGregorianCalendar c ? instant(c).toString()
                    : value instanceof Enum<?> e ? e.name() : value.toString());
        }
        return this;
    }

    byte[] bytes() {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
    }

    static Instant instant(XMLGregorianCalendar calendar) {
        return calendar.toGregorianCalendar().toZonedDateTime().toInstant();
    }
}
