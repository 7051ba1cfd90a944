package io.payrail.simulator.journal;

import io.payrail.simulator.bank.BookEntry;
import io.payrail.simulator.bank.DeclineCode;
import io.payrail.simulator.bank.Effect;
import io.payrail.simulator.bank.PaymentResult;
import io.payrail.simulator.bank.PaymentStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link BookEntry} as one journal line, for example
 * <pre>{"v":1,"at":"2025-01-01T10:00:00Z","merchantRef":"pay_1","effect":"DECIDED","status":"APPROVED",
 * "transactionId":"sb_..","amount":1000,"currency":"USD","declineCode":null}</pre>
 * and {@code {"v":1,"at":"…","merchantRef":"pay_1","effect":"DUPLICATE"}} for a request that
 * decided nothing. {@code v} lets a later version read old journals.
 */
final class EntryCodec {

    static final long VERSION = 1;

    private EntryCodec() {
    }

    static String encode(BookEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", VERSION);
        fields.put("at", entry.at().toString());
        fields.put("merchantRef", entry.merchantRef());
        fields.put("effect", entry.effect().name());
        PaymentResult result = entry.result();
        if (result != null) {
            fields.put("status", result.status().name());
            fields.put("transactionId", result.transactionId());
            fields.put("amount", result.amount());
            fields.put("currency", result.currency());
            fields.put("declineCode", result.declineCode() == null ? null : result.declineCode().name());
        }
        return JsonLine.format(fields);
    }

    /** Throws {@link IllegalArgumentException} when the line is not a whole, known entry. */
    static BookEntry decode(String line) {
        Map<String, Object> fields = JsonLine.parse(line);
        Object version = fields.get("v");
        if (!Long.valueOf(VERSION).equals(version)) {
            throw new IllegalArgumentException("unknown journal version " + version);
        }
        try {
            Instant at = Instant.parse(text(fields, "at"));
            String merchantRef = text(fields, "merchantRef");
            Effect effect = Effect.valueOf(text(fields, "effect"));
            if (effect != Effect.DECIDED) {
                return BookEntry.undecided(at, merchantRef, effect);
            }
            String declineCode = (String) fields.get("declineCode");
            PaymentResult result = new PaymentResult(merchantRef, text(fields, "transactionId"),
                    PaymentStatus.valueOf(text(fields, "status")), number(fields, "amount"),
                    text(fields, "currency"), declineCode == null ? null : DeclineCode.valueOf(declineCode));
            return BookEntry.decided(at, result);
        } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed entry: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(name + " missing or not a string");
        }
        return s;
    }

    private static long number(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (!(value instanceof Long n)) {
            throw new IllegalArgumentException(name + " missing or not an integer");
        }
        return n;
    }
}
