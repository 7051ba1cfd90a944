package io.payrail.simulator.web;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.channel.StatementDiffs;
import io.payrail.simulator.fault.MoneyOverride;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A day's statement differences as JSON (PROTOCOL.md §8, operator.md §4), in and out:
 * <pre>{"missing":["pay_1"],"amounts":{"pay_2":{"amount":900}},"fees":{"pay_3":55},
 *  "extra":[{"merchantRef":"pay_4","type":"PAYMENT","amount":1000,"currency":"USD","fee":3,"at":"12:00:00"}]}</pre>
 * Every member is optional; an unknown member is refused, so a typo never leaves a statement as it was.
 */
final class StatementDiffJson {

    private static final Set<String> MEMBERS = Set.of("missing", "amounts", "fees", "extra");
    private static final Set<String> EXTRA_MEMBERS = Set.of("merchantRef", "type", "amount", "currency", "fee",
            "refundRef", "at");

    private StatementDiffJson() {
    }

    static StatementDiffs.DayDiff read(String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequestException("the body is not a JSON object: " + e.getMessage());
        }
        unknown(json, MEMBERS, "a statement diff");
        try {
            Map<String, MoneyOverride> amounts = JsonBodies.overrides(json.get("amounts"), "amounts", "reference");
            return new StatementDiffs.DayDiff(missing(json.get("missing")), amounts == null ? Map.of() : amounts,
                    fees(json.get("fees")), extra(json.get("extra")));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    static JsonObject write(StatementDiffs.DayDiff diff) {
        JsonArrayBuilder missing = Json.createArrayBuilder();
        diff.missing().forEach(missing::add);
        JsonObjectBuilder fees = Json.createObjectBuilder();
        diff.fees().forEach(fees::add);
        JsonArrayBuilder extra = Json.createArrayBuilder();
        for (StatementDiffs.Extra e : diff.extra()) {
            JsonObjectBuilder line = Json.createObjectBuilder().add("merchantRef", e.merchantRef()).add("type", e.type())
                    .add("amount", e.amount()).add("currency", e.currency()).add("fee", e.fee())
                    .add("at", (e.at() == null ? LocalTime.NOON : e.at()).toString())
                    .add("transactionId", e.transactionId());
            if (e.refundRef() != null) {
                line.add("refundRef", e.refundRef()).add("refundId", e.refundId());
            }
            extra.add(line);
        }
        return Json.createObjectBuilder().add("missing", missing).add("amounts", JsonBodies.overrides(diff.amounts()))
                .add("fees", fees).add("extra", extra).build();
    }

    private static Set<String> missing(JsonValue value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return out;
        }
        String rule = "missing must be a list of references (a payment's merchantRef, a refund's refundRef)";
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRequestException(rule);
        }
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString s)) {
                throw new InvalidRequestException(rule);
            }
            out.add(s.getString());
        }
        return out;
    }

    private static Map<String, Long> fees(JsonValue value) {
        Map<String, Long> out = new HashMap<>();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return out;
        }
        String rule = "fees must be an object of merchantRef to a whole number of minor units";
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException(rule);
        }
        value.asJsonObject().forEach((ref, fee) -> {
            if (!(fee instanceof JsonNumber n) || !n.isIntegral()) {
                throw new InvalidRequestException(rule);
            }
            out.put(ref, n.longValueExact());
        });
        return out;
    }

    private static List<StatementDiffs.Extra> extra(JsonValue value) {
        List<StatementDiffs.Extra> out = new ArrayList<>();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return out;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRequestException("extra must be a list of lines");
        }
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException("each extra line is an object");
            }
            JsonObject line = item.asJsonObject();
            unknown(line, EXTRA_MEMBERS, "an extra line");
            out.add(new StatementDiffs.Extra(text(line, "merchantRef", null), text(line, "type", "PAYMENT"),
                    number(line, "amount", -1), text(line, "currency", null), number(line, "fee", 0),
                    text(line, "refundRef", null), time(text(line, "at", null)), null, null));
        }
        return out;
    }

    private static void unknown(JsonObject json, Set<String> allowed, String what) {
        for (String name : json.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidRequestException(what + " has no member " + name + "; members: " + allowed);
            }
        }
    }

    private static String text(JsonObject json, String name, String fallback) {
        JsonValue v = json.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (!(v instanceof JsonString s)) {
            throw new InvalidRequestException(name + " must be a string");
        }
        return s.getString();
    }

    private static long number(JsonObject json, String name, long fallback) {
        JsonValue v = json.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new InvalidRequestException(name + " must be a whole number of minor units");
        }
        return n.longValueExact();
    }

    private static LocalTime time(String text) {
        try {
            return text == null ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("at must be a UTC time of day such as 12:00:00");
        }
    }
}
