package io.payrail.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little JSON this tool needs: quoting strings it writes, and picking a top-level string or
 * number out of the flat objects the platform answers with. Not a parser; values it reads are
 * ids, states and event types, which never contain quotes or escapes.
 */
final class Json {

    private Json() {
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The first {@code "name":"value"} in {@code json} at or after {@code from}. */
    static Optional<String> string(String json, String name, int from) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(json);
        return m.find(Math.max(0, from)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> string(String json, String name) {
        return string(json, name, 0);
    }

    static Optional<Long> number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The {@code id} of the object under {@code "data"} (a notification's payment or refund). */
    static Optional<String> dataId(String json) {
        int data = json.indexOf("\"data\"");
        return data < 0 ? Optional.empty() : string(json, "id", data);
    }

    /** One line of a body, for messages. */
    static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
