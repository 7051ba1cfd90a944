package io.payrail.channel;

import io.payrail.common.Money;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;

/**
 * Reading channels' JSON the same careful way in every connector: a field is taken only when it has
 * the type the protocol promises; anything else reads as absent, never as a guess.
 */
public final class WireJson {

    private WireJson() {
    }

    /** The body as a JSON object, or null when it is empty, not JSON, or not an object. */
    public static JsonObject object(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** A string field, or null when absent or not a string. */
    public static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : null;
    }

    /** A whole-number field, or null when absent, fractional or out of range. */
    public static Long wholeNumber(JsonObject object, String name) {
        if (object.get(name) instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The money a channel reports (an amount in minor units and an ISO 4217 code), or null when
     * either is missing or unreadable: a channel that does not say how much it took has not told us
     * it took our amount.
     */
    public static Money money(JsonObject object, String amountField, String currencyField) {
        Long amount = wholeNumber(object, amountField);
        String currency = text(object, currencyField);
        if (amount == null || currency == null) {
            return null;
        }
        try {
            return Money.ofMinor(amount, currency);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
