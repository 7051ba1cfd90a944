package io.payrail.systest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Malformed and hostile values, drawn from a seeded generator so that a failure can be replayed. */
final class HostileInput {

    static final List<String> STRINGS = List.of(
            "", " ", "\t", "null", "undefined", "NaN", "-1", "0", "1e309", "0x7fffffff", "9223372036854775808",
            "' OR '1'='1", "'; DROP TABLE payment_order; --", "\" OR \"\"=\"", "1; SELECT SLEEP(5)", "admin'--",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "${jndi:ldap://x/a}",
            "#{7*7}", "{{7*7}}", "%s%s%s%n", "../../../../etc/passwd", "..\\..\\windows", "%00", "\u0000", "\u0000abc",
            "\u202Eevil", "\u200B\u200B", "e\u0301", "😀💳", "漢字の注文", "مرحبا", "\uFEFFBOM", "a\nb", "a\r\nb",
            "USD\u0000", "usd", "US", "USDD", "XAU", "XXX", "BANK_CARD ", "bank_card", "CASH", "M100001", "pay_", "rfd_");

    private final Random random;

    HostileInput(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** A hostile string, sometimes very long. */
    String string() {
        int pick = random.nextInt(STRINGS.size() + 4);
        if (pick < STRINGS.size()) {
            return STRINGS.get(pick);
        }
        int length = switch (pick - STRINGS.size()) {
            case 0 -> 65;
            case 1 -> 129;
            case 2 -> 1_000;
            default -> 10_000;
        };
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** A JSON value of any type, mostly wrong for whatever field receives it. */
    String jsonValue() {
        return switch (random.nextInt(12)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> "-" + random.nextInt(1000);
            case 4 -> random.nextInt(1000) + "." + random.nextInt(100);
            case 5 -> "1e" + random.nextInt(400);
            case 6 -> "123456789012345678901234567890";
            case 7 -> "[" + quoted(string()) + "]";
            case 8 -> "{\"nested\":" + quoted(string()) + "}";
            case 9 -> "0";
            default -> quoted(string());
        };
    }

    /** A JSON string literal of {@code s}, escaped correctly (hostile content, valid JSON). */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A path segment or query value, percent-encoded so that it is sent (and signed) as is. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Syntactically broken JSON. */
    String brokenJson() {
        return switch (random.nextInt(8)) {
            case 0 -> "{";
            case 1 -> "{\"merchantOrderNo\":";
            case 2 -> "[]";
            case 3 -> "\"just a string\"";
            case 4 -> "{\"a\":1,}";
            case 5 -> "{'single':'quotes'}";
            case 6 -> "{\"amount\":01}";
            default -> "{} trailing";
        };
    }
}
