package io.payrail.simulator.web;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.bank.BookTotals;
import io.payrail.simulator.bank.CloseResult;
import io.payrail.simulator.bank.PaymentRequest;
import io.payrail.simulator.bank.PaymentResult;
import io.payrail.simulator.bank.PaymentState;
import io.payrail.simulator.bank.PaymentStatus;
import io.payrail.simulator.bank.RefTally;
import io.payrail.simulator.bank.RefundRequest;
import io.payrail.simulator.bank.RefundResult;
import io.payrail.simulator.bank.RefundStatus;
import io.payrail.simulator.bank.TransferRequest;
import io.payrail.simulator.bank.TransferResult;
import io.payrail.simulator.fault.BankOperation;
import io.payrail.simulator.fault.FailureSettings;
import io.payrail.simulator.fault.FailureUpdate;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The protocol's JSON, both ways. Reading is strict about types (an amount must be a JSON integer,
 * never {@code 10.00} or {@code "1000"}) because a bank that guesses hides a caller's bug.
 */
final class JsonBodies {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private JsonBodies() {
    }

    // ---- reading

    static PaymentRequest paymentRequest(String body) {
        JsonObject json = object(body);
        return new PaymentRequest(
                requiredString(json, "merchantRef"),
                requiredLong(json, "amount", "an integer number of minor units (no decimals, not a string)"),
                requiredString(json, "currency"),
                requiredString(json, "subject"),
                requiredString(json, "method"));
    }

    static RefundRequest refundRequest(String body) {
        JsonObject json = object(body);
        return new RefundRequest(
                requiredString(json, "merchantRef"),
                requiredString(json, "refundRef"),
                requiredLong(json, "amount", "an integer number of minor units (no decimals, not a string)"),
                requiredString(json, "currency"));
    }

    static TransferRequest transferRequest(String body) {
        JsonObject json = object(body);
        return new TransferRequest(
                requiredString(json, "transferRef"),
                requiredLong(json, "amount", "an integer number of minor units (no decimals, not a string)"),
                requiredString(json, "currency"),
                requiredString(json, "beneficiaryAccount"),
                requiredString(json, "beneficiaryName"));
    }

    static FailureUpdate failureUpdate(String body) {
        JsonObject json = object(body);
        Map<String, Integer> failRefs = null;
        JsonValue refs = json.get("failRefs");
        if (refs != null && refs.getValueType() != JsonValue.ValueType.NULL) {
            if (refs.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException("failRefs must be an object of merchantRef to count");
            }
            failRefs = new HashMap<>();
            for (String ref : refs.asJsonObject().keySet()) {
                failRefs.put(ref, optionalInt(refs.asJsonObject(), ref));
            }
        }
        return new FailureUpdate(optionalLong(json, "latencyMs"), optionalInt(json, "failNextRequests"),
                optionalInt(json, "failStatus"), optionalInt(json, "timeoutNextRequests"),
                optionalLong(json, "timeoutMs"), failRefs, failOperations(json.get("failOperations")),
                overrides(json.get("captureOverrides"), "captureOverrides", "merchantRef"),
                overrides(json.get("refundOverrides"), "refundOverrides", "refundRef"));
    }

    /**
     * {@code {"<reference>":{"amount":500,"currency":"EUR"}}}, either member optional, {@code null}
     * for a reference whose override is to go; null when the field is not given. Shared by SIMBANK's
     * overrides and the signed channels' "misreport".
     *
     * @param value the field's value, or null when absent
     * @param name  the field as the caller wrote it, for error messages
     */
    static Map<String, MoneyOverride> overrides(JsonValue value, String name, String keyName) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String rule = name + " must be an object of " + keyName + " to {\"amount\":...,\"currency\":...} (or null"
                + " to remove one), e.g. {\"pay_1\":{\"amount\":500,\"currency\":\"EUR\"}}";
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException(rule);
        }
        Map<String, MoneyOverride> overrides = new HashMap<>();
        for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
            JsonValue money = entry.getValue();
            if (money.getValueType() == JsonValue.ValueType.NULL) {
                overrides.put(entry.getKey(), null);
                continue;
            }
            if (money.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException(rule);
            }
            JsonObject fields = money.asJsonObject();
            for (String field : fields.keySet()) {
                if (!field.equals("amount") && !field.equals("currency")) {
                    throw new InvalidRequestException(name + "." + entry.getKey() + ": unknown field " + field
                            + " (only amount and currency)");
                }
            }
            String where = name + "." + entry.getKey();
            JsonValue currency = fields.get("currency");
            if (currency != null && currency.getValueType() != JsonValue.ValueType.NULL
                    && !(currency instanceof JsonString)) {
                throw new InvalidRequestException(where + ".currency must be a string such as \"EUR\"");
            }
            Long amount;
            try {
                amount = optionalLong(fields, "amount");
            } catch (InvalidRequestException e) {
                throw new InvalidRequestException(where + ": " + e.getMessage());
            }
            try {
                overrides.put(entry.getKey(), new MoneyOverride(amount,
                        currency instanceof JsonString text ? text.getString() : null));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(where + ": " + e.getMessage());
            }
        }
        return overrides;
    }

    /** An override as the plan shows it: only the members it names. */
    static JsonObject override(MoneyOverride override) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (override.amount() != null) {
            json.add("amount", override.amount());
        }
        if (override.currency() != null) {
            json.add("currency", override.currency());
        }
        return json.build();
    }

    static JsonObjectBuilder overrides(Map<String, MoneyOverride> overrides) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        overrides.forEach((ref, override) -> json.add(ref, override(override)));
        return json;
    }

    /** {@code ["PAY","REFUND","QUERY","STATEMENT","TRANSFER"]} or a part of it; null when not given. */
    private static Set<BankOperation> failOperations(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String rule = "failOperations must be a list of PAY, REFUND, QUERY, STATEMENT and TRANSFER, e.g. [\"PAY\",\"QUERY\"]";
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRequestException(rule);
        }
        Set<BankOperation> operations = EnumSet.noneOf(BankOperation.class);
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString s)) {
                throw new InvalidRequestException(rule);
            }
            try {
                operations.add(BankOperation.valueOf(s.getString().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(rule + "; " + s.getString() + " is none of them");
            }
        }
        return operations;
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("a JSON object is required as the body");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequestException("the body is not a JSON object: " + e.getMessage());
        }
    }

    private static String requiredString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidRequestException(name + " is required");
        }
        if (!(value instanceof JsonString s)) {
            throw new InvalidRequestException(name + " must be a string");
        }
        return s.getString();
    }

    private static long requiredLong(JsonObject json, String name, String what) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidRequestException(name + " is required");
        }
        if (!(value instanceof JsonNumber n) || !INTEGER.matcher(n.toString()).matches()) {
            throw new InvalidRequestException(name + " must be " + what);
        }
        try {
            return n.bigIntegerValueExact().longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidRequestException(name + " is out of range");
        }
    }

    private static Long optionalLong(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null
                : requiredLong(json, name, "an integer");
    }

    private static Integer optionalInt(JsonObject json, String name) {
        Long value = optionalLong(json, name);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidRequestException(name + " is out of range");
        }
        return value.intValue();
    }

    // ---- writing

    static JsonObject result(PaymentResult result, boolean duplicate) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("status", result.status().name())
                .add("transactionId", result.transactionId())
                .add("merchantRef", result.merchantRef());
        if (result.status() == PaymentStatus.APPROVED) {
            json.add("amount", result.amount()).add("currency", result.currency());
        } else {
            json.add("declineCode", result.declineCode().name()).add("message", result.message());
        }
        return json.add("duplicate", duplicate).build();
    }

    /**
     * The status query's answer: the decision as the pay answer gives it (with
     * {@code "duplicate":false}), or {@link #closed} for a closed reference.
     */
    static JsonObject state(PaymentState state) {
        return state.closed() ? closed(state.merchantRef(), state.decision()) : result(state.decision(), false);
    }

    /** A close's answer (the reference was not charged and is closed now). */
    static JsonObject closed(CloseResult result) {
        if (!result.closed()) {
            throw new IllegalArgumentException("a paid reference is not closed");
        }
        return closed(result.merchantRef(), result.decision());
    }

    /**
     * {@code {"status":"CLOSED","merchantRef":...}}, with the decline's {@code transactionId},
     * {@code declineCode} and {@code message} when the reference was declined before it was closed.
     */
    private static JsonObject closed(String merchantRef, PaymentResult declined) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("status", "CLOSED")
                .add("merchantRef", merchantRef);
        if (declined != null) {
            json.add("transactionId", declined.transactionId())
                    .add("declineCode", declined.declineCode().name())
                    .add("message", declined.message());
        }
        return json.build();
    }

    static JsonObject refund(RefundResult result, boolean duplicate) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("status", result.status().name())
                .add("refundId", result.refundId())
                .add("merchantRef", result.merchantRef())
                .add("refundRef", result.refundRef());
        if (result.status() == RefundStatus.REFUNDED) {
            json.add("amount", result.amount()).add("currency", result.currency());
        } else {
            json.add("reasonCode", result.reasonCode().name()).add("message", result.message());
        }
        return json.add("duplicate", duplicate).build();
    }

    static JsonObject transfer(TransferResult result, boolean duplicate) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("status", result.status())
                .add("transferId", result.transferId())
                .add("transferRef", result.transferRef())
                .add("amount", result.amount())
                .add("currency", result.currency())
                .add("beneficiaryAccount", result.beneficiaryAccount());
        if (result.reasonCode() != null) {
            json.add("reasonCode", result.reasonCode()).add("message", result.message());
        }
        return json.add("duplicate", duplicate).build();
    }

    static JsonObject settings(FailureSettings settings) {
        JsonObjectBuilder refs = Json.createObjectBuilder();
        settings.failRefs().forEach(refs::add);
        return Json.createObjectBuilder()
                .add("latencyMs", settings.latencyMs())
                .add("failNextRequests", settings.failNextRequests())
                .add("failStatus", settings.failStatus())
                .add("timeoutNextRequests", settings.timeoutNextRequests())
                .add("timeoutMs", settings.timeoutMs())
                .add("failRefs", refs)
                .add("failOperations", names(settings.failOperations()))
                .add("captureOverrides", overrides(settings.captureOverrides()))
                .add("refundOverrides", overrides(settings.refundOverrides()))
                .build();
    }

    /** Enum constants as a JSON array of their names, in declaration order. */
    private static <E extends Enum<E>> JsonArrayBuilder names(Set<E> constants) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        constants.stream().sorted().forEach(c -> names.add(c.name()));
        return names;
    }

    /**
     * The charge record. For a charged reference it names the money taken ({@code amount},
     * {@code currency}) and, when that is not what was asked ({@code captureOverrides}), what was
     * asked ({@code requestedAmount}, {@code requestedCurrency}).
     *
     * @param decision the decision on the reference, or null
     */
    static JsonObject tally(RefTally tally, PaymentResult decision) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("merchantRef", tally.merchantRef())
                .add("requests", tally.requests())
                .add("charges", tally.charges())
                .add("status", tally.status() == null ? "NONE" : tally.status().name());
        if (tally.status() == PaymentStatus.APPROVED && decision != null) {
            json.add("amount", decision.amount()).add("currency", decision.currency());
            if (decision.overridden()) {
                json.add("requestedAmount", decision.requestedAmount())
                        .add("requestedCurrency", decision.requestedCurrency());
            }
        }
        return json.add("refunds", tally.refunds())
                .add("refunded", tally.refunded())
                .add("closed", tally.closed())
                .build();
    }

    static JsonObject totals(BookTotals totals) {
        return Json.createObjectBuilder()
                .add("totalRequests", totals.totalRequests())
                .add("totalCharges", totals.totalCharges())
                .add("refs", totals.refs())
                .add("totalRefunds", totals.totalRefunds())
                .build();
    }

    static Response error(int status, String code, String message) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("error", code);
        if (message != null) {
            json.add("message", message);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json.build()).build();
    }

    static Response ok(JsonObject json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
