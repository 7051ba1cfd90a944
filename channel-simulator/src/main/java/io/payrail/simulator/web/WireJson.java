package io.payrail.simulator.web;

import io.payrail.simulator.channel.ChannelError;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.Money;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the channels' JSON requests, strictly: an amount is a JSON integer (never {@code 10.00} or
 * {@code "1000"}), a string is a JSON string. Unknown fields are ignored. Every problem is an
 * {@link ChannelError#INVALID_REQUEST} that names the field.
 */
final class WireJson {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private WireJson() {
    }

    static JsonObject object(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("a JSON object is required as the body");
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("the body is not a JSON object: " + e.getMessage());
        }
    }

    static String requiredString(JsonObject json, String name) {
        String value = optionalString(json, name);
        if (value == null) {
            throw invalid(name + " is required");
        }
        return value;
    }

    static String optionalString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(name + " must be a string");
        }
        return s.getString();
    }

    static long requiredLong(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid(name + " is required");
        }
        if (!(value instanceof JsonNumber n) || !INTEGER.matcher(n.toString()).matches()) {
            throw invalid(name + " must be an integer (no decimals, not a string)");
        }
        try {
            return n.bigIntegerValueExact().longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(name + " is out of range");
        }
    }

    static Money money(JsonObject json) {
        return new Money(requiredLong(json, "amount"), requiredString(json, "currency"));
    }

    static JsonObject requiredObject(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid(name + " is required");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(name + " must be an object");
        }
        return value.asJsonObject();
    }

    /**
     * A flat object's fields as the text QUICKPAY's signature covers: strings raw, numbers as
     * written, booleans as {@code true}/{@code false}; nulls left out. Nested values are refused.
     */
    static Map<String, String> flatTexts(JsonObject json) {
        Map<String, String> texts = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            switch (value.getValueType()) {
                case STRING -> texts.put(name, ((JsonString) value).getString());
                case NUMBER -> texts.put(name, value.toString());
                case TRUE -> texts.put(name, "true");
                case FALSE -> texts.put(name, "false");
                case NULL -> {
                }
                default -> throw invalid(name + ": QUICKPAY messages are flat (no objects or arrays)");
            }
        });
        return texts;
    }

    static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    static ChannelException invalid(String message) {
        return new ChannelException(ChannelError.INVALID_REQUEST, message);
    }
}
