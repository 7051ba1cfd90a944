package io.payrail.simulator.web;

import io.payrail.simulator.channel.CallbackEvent;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelSettings;
import io.payrail.simulator.channel.DeclineReason;
import io.payrail.simulator.channel.DeclineRule;
import io.payrail.simulator.channel.Fault;
import io.payrail.simulator.channel.FaultKind;
import io.payrail.simulator.channel.FaultSettings;
import io.payrail.simulator.channel.FaultUpdate;
import io.payrail.simulator.channel.LedgerTotals;
import io.payrail.simulator.channel.Operation;
import io.payrail.simulator.channel.RefRecord;
import io.payrail.simulator.channel.RetrySchedule;
import io.payrail.simulator.channel.quickpay.QuickPay;
import io.payrail.simulator.fault.MoneyOverride;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The admin API's JSON: failure plans, settings and records out; failure-plan and settings changes
 * in. Strict about unknown fields, so a typo in a test's failure injection is an error rather than
 * a silently healthy channel.
 */
final class AdminJson {

    private AdminJson() {
    }

    // ---------------------------------------------------------------- out

    static JsonObject summary(Channel c) {
        JsonObjectBuilder platform = Json.createObjectBuilder()
                .add("configured", c.platformKey().key().isPresent());
        c.platformKey().keyId().ifPresent(id -> platform.add("keyId", id));
        c.platformKey().source().ifPresent(s -> platform.add("source", s));
        return Json.createObjectBuilder()
                .add("channel", c.id().name())
                .add("api", "/sim/" + c.id().path() + "/v1")
                .add("keyId", c.keys().keyId())
                .add("publicKey", "/sim/admin/channels/" + c.id().path() + "/public-key")
                .add("platformKey", platform)
                .add("settings", settings(c.settings()))
                .add("totals", totals(c.ledger().totals()))
                .build();
    }

    static JsonObject settings(ChannelSettings s) {
        JsonArrayBuilder delays = Json.createArrayBuilder();
        s.retries().delaysMs().forEach(delays::add);
        return Json.createObjectBuilder()
                .add("callbackUrl", s.callbackUrl().toString())
                .add("refundDelayMs", s.refundDelayMs())
                .add("callbackRetryDelaysMs", delays)
                .add("callbackMaxAttempts", s.retries().maxAttempts())
                .build();
    }

    static JsonObject faults(FaultSettings s) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("latencyMs", s.latencyMs());
        for (FaultKind kind : FaultKind.values()) {
            Fault f = s.fault(kind);
            JsonObjectBuilder fault = Json.createObjectBuilder();
            if (kind.settingName() != null) {
                fault.add(kind.settingName(), f.setting());
            }
            if (kind.aimedAtOperations()) {
                JsonArrayBuilder ops = Json.createArrayBuilder();
                f.operations().stream().sorted().forEach(o -> ops.add(o.name()));
                fault.add("operations", ops);
            }
            JsonObjectBuilder refs = Json.createObjectBuilder();
            f.targets().refs().forEach(refs::add);
            json.add(kind.jsonName(), fault.add("next", f.targets().next()).add("refs", refs));
        }
        json.add("misreport", Json.createObjectBuilder().add("refs", JsonBodies.overrides(s.misreports())));
        JsonArrayBuilder rules = Json.createArrayBuilder();
        for (DeclineRule r : s.declineRules()) {
            JsonObjectBuilder rule = Json.createObjectBuilder().add("code", r.reason().name());
            if (r.amountAtLeast() != null) {
                rule.add("amountAtLeast", r.amountAtLeast());
            }
            if (r.amountAtMost() != null) {
                rule.add("amountAtMost", r.amountAtMost());
            }
            if (r.amountEndsWith() != null) {
                rule.add("amountEndsWith", r.amountEndsWith());
            }
            if (r.currency() != null) {
                rule.add("currency", r.currency());
            }
            if (!r.refs().isEmpty()) {
                JsonArrayBuilder refs = Json.createArrayBuilder();
                r.refs().stream().sorted().forEach(refs::add);
                rule.add("refs", refs);
            }
            if (r.remaining() != null) {
                rule.add("remaining", r.remaining());
            }
            rules.add(rule);
        }
        return json.add("declineRules", rules).build();
    }

    static JsonObject record(io.payrail.simulator.channel.ChannelId channel, RefRecord r) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("channel", channel.name())
                .add("merchantRef", r.merchantRef())
                .add("status", r.status() == null ? "NONE" : r.status().name());
        if (r.transactionId() != null) {
            json.add("transactionId", r.transactionId());
        }
        return json.add("payRequests", r.payRequests())
                .add("charges", r.charges())
                .add("closeRequests", r.closeRequests())
                .add("refundRequests", r.refundRequests())
                .add("refundsTaken", r.refundsTaken())
                .add("refundedAmount", r.refundedAmount())
                .add("callbackEvents", r.callbackEvents())
                .add("callbacksSent", r.callbacksSent())
                .add("callbacksAcknowledged", r.callbacksAcknowledged())
                .add("callbacksLost", r.callbacksLost())
                .build();
    }

    static JsonObject totals(LedgerTotals t) {
        return Json.createObjectBuilder()
                .add("refs", t.refs())
                .add("payRequests", t.payRequests())
                .add("charges", t.charges())
                .add("refsChargedMoreThanOnce", t.refsChargedMoreThanOnce())
                .add("refundsTaken", t.refundsTaken())
                .add("refundedAmount", t.refundedAmount())
                .add("callbackEvents", t.callbackEvents())
                .add("callbacksAcknowledged", t.callbacksAcknowledged())
                .add("callbacksLost", t.callbacksLost())
                .add("callbacksOpen", t.callbacksOpen())
                .build();
    }

    static JsonObject events(String merchantRef, List<CallbackEvent> events) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (CallbackEvent e : events) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("eventId", e.eventId())
                    .add("seq", e.seq())
                    .add("kind", e.kind().name())
                    .add("status", e.status())
                    .add("occurredAt", e.occurredAt().toString());
            if (e.refundRef() != null) {
                json.add("refundRef", e.refundRef());
            }
            json.add("delivery", e.state().name())
                    .add("copies", e.copies())
                    .add("attempts", e.attempts())
                    .add("acks", e.acks());
            if (e.lastResult() != null) {
                json.add("lastResult", e.lastResult());
            }
            list.add(json);
        }
        return Json.createObjectBuilder().add("merchantRef", merchantRef).add("events", list).build();
    }

    static JsonObject code(String id, QuickPay.SentCode c) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id)
                .add("purpose", c.purpose())
                .add("code", c.code())
                .add("phone", c.phoneMasked())
                .add("expiresAt", c.expiresAt().toString());
        if (c.merchantRef() != null) {
            json.add("merchantRef", c.merchantRef());
        }
        if (c.money() != null) {
            json.add("amount", c.money().amount()).add("currency", c.money().currency());
        }
        return json.build();
    }

    // ---------------------------------------------------------------- in

    /** A failure-plan change; see FaultUpdate for the merge rules. */
    static FaultUpdate faultUpdate(byte[] body) {
        JsonObject json = WireJson.object(body);
        Long latency = null;
        Map<FaultKind, FaultUpdate.Change> changes = new EnumMap<>(FaultKind.class);
        List<DeclineRule> rules = null;
        Map<String, MoneyOverride> misreports = null;
        for (Map.Entry<String, JsonValue> field : json.entrySet()) {
            String name = field.getKey();
            if (name.equals("latencyMs")) {
                latency = WireJson.requiredLong(json, name);
            } else if (name.equals("declineRules")) {
                rules = declineRules(field.getValue());
            } else if (name.equals("misreport")) {
                misreports = misreports(WireJson.requiredObject(json, name));
            } else {
                FaultKind kind;
                try {
                    kind = FaultKind.fromJson(name);
                } catch (IllegalArgumentException e) {
                    throw WireJson.invalid("unknown field " + name);
                }
                changes.put(kind, change(kind, WireJson.requiredObject(json, name)));
            }
        }
        return new FaultUpdate(latency, changes, rules, misreports);
    }

    /** {@code {"refs":{"<merchantRef>":{"amount":500,"currency":"EUR"}}}}; a null entry removes one. */
    private static Map<String, MoneyOverride> misreports(JsonObject json) {
        for (String name : json.keySet()) {
            if (!name.equals("refs")) {
                throw WireJson.invalid("unknown field misreport." + name + " (misreport has only refs)");
            }
        }
        return JsonBodies.overrides(json.get("refs"), "misreport.refs", "merchantRef");
    }

    private static FaultUpdate.Change change(FaultKind kind, JsonObject json) {
        Long setting = null;
        Set<Operation> operations = null;
        Integer next = null;
        Map<String, Integer> refs = null;
        for (String name : json.keySet()) {
            if (name.equals(kind.settingName())) {
                setting = WireJson.requiredLong(json, name);
            } else if (name.equals("operations") && kind.aimedAtOperations()) {
                operations = operations(json.get(name), kind);
            } else if (name.equals("next")) {
                next = intValue(json, name);
            } else if (name.equals("refs")) {
                JsonObject map = WireJson.requiredObject(json, name);
                refs = new HashMap<>();
                for (String ref : map.keySet()) {
                    refs.put(ref, intValue(map, ref));
                }
            } else {
                throw WireJson.invalid("unknown field " + kind.jsonName() + "." + name);
            }
        }
        return new FaultUpdate.Change(setting, operations, next, refs);
    }

    private static Set<Operation> operations(JsonValue value, FaultKind kind) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw WireJson.invalid(kind.jsonName() + ".operations must be an array");
        }
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        for (JsonValue op : value.asJsonArray()) {
            if (!(op instanceof JsonString s)) {
                throw WireJson.invalid(kind.jsonName() + ".operations must hold strings");
            }
            String name = s.getString().toUpperCase(Locale.ROOT);
            if (name.equals("ALL")) {
                ops.addAll(EnumSet.allOf(Operation.class));
            } else {
                try {
                    ops.add(Operation.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw WireJson.invalid("unknown operation " + s.getString() + " (PAY, QUERY, CLOSE, REFUND, BIND,"
                            + " STATEMENT or ALL)");
                }
            }
        }
        return ops;
    }

    private static List<DeclineRule> declineRules(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw WireJson.invalid("declineRules must be an array");
        }
        List<DeclineRule> rules = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw WireJson.invalid("declineRules must hold objects");
            }
            JsonObject r = item.asJsonObject();
            Set<String> known = Set.of("code", "amountAtLeast", "amountAtMost", "amountEndsWith", "currency", "refs",
                    "remaining");
            for (String name : r.keySet()) {
                if (!known.contains(name)) {
                    throw WireJson.invalid("unknown field declineRules[]." + name);
                }
            }
            DeclineReason reason;
            try {
                reason = DeclineReason.valueOf(WireJson.requiredString(r, "code"));
            } catch (IllegalArgumentException e) {
                throw WireJson.invalid("declineRules[].code must be one of " + List.of(DeclineReason.values()));
            }
            Set<String> refs = null;
            if (r.containsKey("refs")) {
                JsonValue list = r.get("refs");
                if (list.getValueType() != JsonValue.ValueType.ARRAY) {
                    throw WireJson.invalid("declineRules[].refs must be an array");
                }
                refs = new HashSet<>();
                for (JsonValue ref : list.asJsonArray()) {
                    if (!(ref instanceof JsonString s)) {
                        throw WireJson.invalid("declineRules[].refs must hold strings");
                    }
                    refs.add(s.getString());
                }
            }
            rules.add(new DeclineRule(reason, optionalLong(r, "amountAtLeast"), optionalLong(r, "amountAtMost"),
                    WireJson.optionalString(r, "amountEndsWith"), WireJson.optionalString(r, "currency"), refs,
                    r.containsKey("remaining") && !r.isNull("remaining") ? intValue(r, "remaining") : null));
        }
        return rules;
    }

    /** A settings change: only the fields given. */
    static ChannelSettings settingsUpdate(ChannelSettings current, byte[] body) {
        JsonObject json = WireJson.object(body);
        URI callbackUrl = current.callbackUrl();
        long refundDelay = current.refundDelayMs();
        List<Long> delays = current.retries().delaysMs();
        int maxAttempts = current.retries().maxAttempts();
        for (String name : json.keySet()) {
            switch (name) {
                case "callbackUrl" -> {
                    try {
                        callbackUrl = URI.create(WireJson.requiredString(json, name));
                    } catch (IllegalArgumentException e) {
                        throw WireJson.invalid("callbackUrl is not a URL");
                    }
                }
                case "refundDelayMs" -> refundDelay = WireJson.requiredLong(json, name);
                case "callbackRetryDelaysMs" -> {
                    JsonValue value = json.get(name);
                    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                        throw WireJson.invalid("callbackRetryDelaysMs must be an array of milliseconds");
                    }
                    List<Long> list = new ArrayList<>();
                    JsonArray array = value.asJsonArray();
                    for (JsonValue d : array) {
                        if (!(d instanceof JsonNumber n) || !n.isIntegral()) {
                            throw WireJson.invalid("callbackRetryDelaysMs must be an array of milliseconds");
                        }
                        list.add(n.longValue());
                    }
                    delays = list;
                }
                case "callbackMaxAttempts" -> maxAttempts = intValue(json, name);
                default -> throw WireJson.invalid("unknown field " + name);
            }
        }
        try {
            return new ChannelSettings(callbackUrl, refundDelay, new RetrySchedule(delays, maxAttempts));
        } catch (IllegalArgumentException e) {
            throw WireJson.invalid(e.getMessage());
        }
    }

    private static Long optionalLong(JsonObject json, String name) {
        return json.containsKey(name) && !json.isNull(name) ? WireJson.requiredLong(json, name) : null;
    }

    private static int intValue(JsonObject json, String name) {
        long value = WireJson.requiredLong(json, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw WireJson.invalid(name + " is out of range");
        }
        return (int) value;
    }
}
