package io.payrail.simulator.channel;

import io.payrail.simulator.journal.JsonLine;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link LedgerLine}s as flat JSON lines, for example
 * <pre>{"v":1,"kind":"ref","merchantRef":"ord_1","payRequests":1,"charges":1,"closeRequests":0,
 * "refundRequests":0,"transactionId":"cg_..","status":"PAID","amount":1000,"currency":"USD",...}</pre>
 * {@code kind} is {@code ref}, {@code refund}, {@code event} or {@code side}; {@code v} lets a later
 * version read old journals. Card numbers and security codes are never part of any line.
 */
public final class LedgerCodec {

    static final long VERSION = 1;

    private LedgerCodec() {
    }

    public static String encode(LedgerLine line) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("v", VERSION);
        if (line instanceof LedgerLine.RefLine r) {
            f.put("kind", "ref");
            f.put("merchantRef", r.merchantRef());
            f.put("payRequests", r.counters().payRequests());
            f.put("charges", r.counters().charges());
            f.put("closeRequests", r.counters().closeRequests());
            f.put("refundRequests", r.counters().refundRequests());
            ChannelOrder o = r.order();
            if (o != null) {
                f.put("transactionId", o.transactionId());
                f.put("status", o.status().name());
                putMoney(f, "", o.money());
                f.put("subject", o.subject());
                f.put("declineReason", o.declineReason() == null ? null : o.declineReason().name());
                f.put("payerToken", o.payerToken());
                f.put("cardLast4", o.cardLast4());
                f.put("agreementId", o.agreementId());
                f.put("createdAt", text(o.createdAt()));
                f.put("paidAt", text(o.paidAt()));
                f.put("closedAt", text(o.closedAt()));
                f.put("fee", o.fee());
                f.put("leaky", o.leaky());
                f.put("landsAt", text(o.landsAt()));
                if (o.requested() != null) {
                    // only on orders that took other money than asked ("misreport")
                    putMoney(f, "requested", o.requested());
                }
            }
        } else if (line instanceof LedgerLine.RefundLine r) {
            Refund x = r.refund();
            f.put("kind", "refund");
            f.put("refundRef", x.refundRef());
            f.put("refundId", x.refundId());
            f.put("merchantRef", x.merchantRef());
            f.put("transactionId", x.transactionId());
            putMoney(f, "", x.money());
            f.put("reason", x.reason());
            f.put("status", x.status().name());
            f.put("createdAt", text(x.createdAt()));
            f.put("completedAt", text(x.completedAt()));
            f.put("completesAt", text(x.completesAt()));
        } else if (line instanceof LedgerLine.EventLine e) {
            CallbackEvent x = e.event();
            f.put("kind", "event");
            f.put("eventId", x.eventId());
            f.put("merchantRef", x.merchantRef());
            f.put("seq", x.seq());
            f.put("eventKind", x.kind().name());
            f.put("status", x.status());
            f.put("transactionId", x.transactionId());
            putMoney(f, "", x.money());
            f.put("declineReason", x.declineReason() == null ? null : x.declineReason().name());
            f.put("refundRef", x.refundRef());
            f.put("refundId", x.refundId());
            putMoney(f, "refund", x.refundMoney());
            f.put("occurredAt", text(x.occurredAt()));
            f.put("state", x.state().name());
            f.put("copies", x.copies());
            f.put("attempts", x.attempts());
            f.put("acks", x.acks());
            f.put("lastResult", x.lastResult());
        } else {
            LedgerLine.SideLine s = (LedgerLine.SideLine) line;
            f.put("kind", "side");
            f.put("sideKind", s.kind());
            f.put("key", s.key());
            s.fields().forEach((k, value) -> f.put("f." + k, value));
        }
        return JsonLine.format(f);
    }

    /** Throws {@link IllegalArgumentException} when the line is not a whole, known line. */
    public static LedgerLine decode(String text) {
        Map<String, Object> f = JsonLine.parse(text);
        if (!Long.valueOf(VERSION).equals(f.get("v"))) {
            throw new IllegalArgumentException("unknown journal version " + f.get("v"));
        }
        try {
            return switch (string(f, "kind")) {
                case "ref" -> refLine(f);
                case "refund" -> new LedgerLine.RefundLine(new Refund(string(f, "refundRef"), string(f, "refundId"),
                        string(f, "merchantRef"), string(f, "transactionId"), money(f, ""),
                        optString(f, "reason"), RefundStatus.valueOf(string(f, "status")),
                        instant(f, "createdAt"), optInstant(f, "completedAt"), optInstant(f, "completesAt")));
                case "event" -> new LedgerLine.EventLine(new CallbackEvent(string(f, "eventId"),
                        string(f, "merchantRef"), number(f, "seq"), EventKind.valueOf(string(f, "eventKind")),
                        string(f, "status"), string(f, "transactionId"), money(f, ""),
                        reason(optString(f, "declineReason")), optString(f, "refundRef"), optString(f, "refundId"),
                        money(f, "refund"), instant(f, "occurredAt"), DeliveryState.valueOf(string(f, "state")),
                        (int) number(f, "copies"), (int) number(f, "attempts"), (int) number(f, "acks"),
                        optString(f, "lastResult")));
                case "side" -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    f.forEach((k, value) -> {
                        if (k.startsWith("f.") && value != null) {
                            fields.put(k.substring(2), value);
                        }
                    });
                    yield new LedgerLine.SideLine(string(f, "sideKind"), string(f, "key"), fields);
                }
                default -> throw new IllegalArgumentException("unknown kind " + f.get("kind"));
            };
        } catch (ClassCastException | NullPointerException | DateTimeParseException | ChannelException e) {
            throw new IllegalArgumentException("malformed line: " + e.getMessage(), e);
        }
    }

    private static LedgerLine.RefLine refLine(Map<String, Object> f) {
        String ref = string(f, "merchantRef");
        Counters counters = new Counters(number(f, "payRequests"), number(f, "charges"),
                number(f, "closeRequests"), number(f, "refundRequests"));
        ChannelOrder order = null;
        if (f.get("transactionId") != null) {
            order = new ChannelOrder(ref, string(f, "transactionId"), OrderStatus.valueOf(string(f, "status")),
                    money(f, ""), optString(f, "subject"), reason(optString(f, "declineReason")),
                    optString(f, "payerToken"), optString(f, "cardLast4"), optString(f, "agreementId"),
                    instant(f, "createdAt"), optInstant(f, "paidAt"), optInstant(f, "closedAt"), number(f, "fee"),
                    Boolean.TRUE.equals(f.get("leaky")), optInstant(f, "landsAt"), money(f, "requested"));
        }
        return new LedgerLine.RefLine(ref, counters, order);
    }

    private static void putMoney(Map<String, Object> f, String prefix, Money money) {
        f.put(prefix.isEmpty() ? "amount" : prefix + "Amount", money == null ? null : money.amount());
        f.put(prefix.isEmpty() ? "currency" : prefix + "Currency", money == null ? null : money.currency());
    }

    private static Money money(Map<String, Object> f, String prefix) {
        Object amount = f.get(prefix.isEmpty() ? "amount" : prefix + "Amount");
        if (amount == null) {
            return null;
        }
        return new Money((Long) amount, (String) f.get(prefix.isEmpty() ? "currency" : prefix + "Currency"));
    }

    private static DeclineReason reason(String name) {
        return name == null ? null : DeclineReason.valueOf(name);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String string(Map<String, Object> f, String name) {
        Object value = f.get(name);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(name + " missing or not a string");
        }
        return s;
    }

    private static String optString(Map<String, Object> f, String name) {
        Object value = f.get(name);
        return value == null ? null : (String) value;
    }

    private static long number(Map<String, Object> f, String name) {
        Object value = f.get(name);
        if (!(value instanceof Long n)) {
            throw new IllegalArgumentException(name + " missing or not an integer");
        }
        return n;
    }

    private static Instant instant(Map<String, Object> f, String name) {
        return Instant.parse(string(f, name));
    }

    private static Instant optInstant(Map<String, Object> f, String name) {
        String value = optString(f, name);
        return value == null ? null : Instant.parse(value);
    }
}
