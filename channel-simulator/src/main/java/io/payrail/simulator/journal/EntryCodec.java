package io.payrail.simulator.journal;

import io.payrail.simulator.bank.BookEntry;
import io.payrail.simulator.bank.CloseEntry;
import io.payrail.simulator.bank.DeclineCode;
import io.payrail.simulator.bank.Effect;
import io.payrail.simulator.bank.LogEntry;
import io.payrail.simulator.bank.PaymentResult;
import io.payrail.simulator.bank.PaymentStatus;
import io.payrail.simulator.bank.RefundEntry;
import io.payrail.simulator.bank.RefundRejectCode;
import io.payrail.simulator.bank.RefundResult;
import io.payrail.simulator.bank.RefundStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link LogEntry} as one journal line. A pay request, for example
 * <pre>{"v":1,"at":"2025-01-01T10:00:00Z","merchantRef":"pay_1","effect":"DECIDED","status":"APPROVED",
 * "transactionId":"sb_..","amount":1000,"currency":"USD","declineCode":null}</pre>
 * and {@code {"v":1,"at":"…","merchantRef":"pay_1","effect":"DUPLICATE"}} for a request that
 * decided nothing; a refund decision, for example
 * <pre>{"v":1,"at":"2025-01-01T10:00:00Z","merchantRef":"pay_1","effect":"REFUND_DECIDED","refundRef":"rfd_1",
 * "status":"REFUNDED","refundId":"sr_..","amount":300,"currency":"USD","reasonCode":null}</pre>
 * and the close of a reference
 * <pre>{"v":1,"at":"2025-01-01T10:00:00Z","merchantRef":"pay_1","effect":"CLOSED"}</pre>
 * ({@code "effect":"ORDER_CLOSED"} is a pay request refused because its reference was closed).
 * {@code v} lets a later version read old journals; refund and close lines are new in the same
 * version 1, so journals written before refunds or closes are read unchanged. A decision that moved
 * other money than asked (a failure injected on purpose) adds {@code requestedAmount} and
 * {@code requestedCurrency}; without them, what was asked is what was moved.
 */
final class EntryCodec {

    static final long VERSION = 1;
    /** The {@code effect} of a refund decision's line; not an {@link Effect}, which is a pay request's. */
    static final String REFUND_DECIDED = "REFUND_DECIDED";
    /** The {@code effect} of a close's line; not an {@link Effect} either. */
    static final String CLOSED = "CLOSED";

    private EntryCodec() {
    }

    static String encode(LogEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", VERSION);
        fields.put("at", entry.at().toString());
        fields.put("merchantRef", entry.merchantRef());
        if (entry instanceof RefundEntry refund) {
            RefundResult result = refund.result();
            fields.put("effect", REFUND_DECIDED);
            fields.put("refundRef", result.refundRef());
            fields.put("status", result.status().name());
            fields.put("refundId", result.refundId());
            fields.put("amount", result.amount());
            fields.put("currency", result.currency());
            fields.put("reasonCode", result.reasonCode() == null ? null : result.reasonCode().name());
            if (result.overridden()) {
                putRequested(fields, result.requestedAmount(), result.requestedCurrency());
            }
            return JsonLine.format(fields);
        }
        if (entry instanceof CloseEntry) {
            fields.put("effect", CLOSED);
            return JsonLine.format(fields);
        }
        BookEntry payment = (BookEntry) entry;
        fields.put("effect", payment.effect().name());
        PaymentResult result = payment.result();
        if (result != null) {
            fields.put("status", result.status().name());
            fields.put("transactionId", result.transactionId());
            fields.put("amount", result.amount());
            fields.put("currency", result.currency());
            fields.put("declineCode", result.declineCode() == null ? null : result.declineCode().name());
            if (result.overridden()) {
                putRequested(fields, result.requestedAmount(), result.requestedCurrency());
            }
        }
        return JsonLine.format(fields);
    }

    /** Only on the lines of a bank that moved other money than asked: what was asked. */
    private static void putRequested(Map<String, Object> fields, long amount, String currency) {
        fields.put("requestedAmount", amount);
        fields.put("requestedCurrency", currency);
    }

    /** Throws {@link IllegalArgumentException} when the line is not a whole, known entry. */
    static LogEntry decode(String line) {
        Map<String, Object> fields = JsonLine.parse(line);
        Object version = fields.get("v");
        if (!Long.valueOf(VERSION).equals(version)) {
            throw new IllegalArgumentException("unknown journal version " + version);
        }
        try {
            Instant at = Instant.parse(text(fields, "at"));
            String merchantRef = text(fields, "merchantRef");
            String effectName = text(fields, "effect");
            if (REFUND_DECIDED.equals(effectName)) {
                String reasonCode = (String) fields.get("reasonCode");
                long amount = number(fields, "amount");
                String currency = text(fields, "currency");
                return new RefundEntry(at, new RefundResult(text(fields, "refundRef"), merchantRef,
                        text(fields, "refundId"), RefundStatus.valueOf(text(fields, "status")), amount, currency,
                        reasonCode == null ? null : RefundRejectCode.valueOf(reasonCode),
                        requestedAmount(fields, amount), requestedCurrency(fields, currency)));
            }
            if (CLOSED.equals(effectName)) {
                return new CloseEntry(at, merchantRef);
            }
            Effect effect = Effect.valueOf(effectName);
            if (effect != Effect.DECIDED) {
                return BookEntry.undecided(at, merchantRef, effect);
            }
            String declineCode = (String) fields.get("declineCode");
            long amount = number(fields, "amount");
            String currency = text(fields, "currency");
            PaymentResult result = new PaymentResult(merchantRef, text(fields, "transactionId"),
                    PaymentStatus.valueOf(text(fields, "status")), amount, currency,
                    declineCode == null ? null : DeclineCode.valueOf(declineCode), requestedAmount(fields, amount),
                    requestedCurrency(fields, currency));
            return BookEntry.decided(at, result);
        } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed entry: " + e.getMessage(), e);
        }
    }

    /** What was asked: written only when it differs from what was moved, so absent means the same. */
    private static long requestedAmount(Map<String, Object> fields, long moved) {
        return fields.containsKey("requestedAmount") ? number(fields, "requestedAmount") : moved;
    }

    private static String requestedCurrency(Map<String, Object> fields, String moved) {
        return fields.containsKey("requestedCurrency") ? text(fields, "requestedCurrency") : moved;
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
