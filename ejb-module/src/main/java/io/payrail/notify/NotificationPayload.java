package io.payrail.notify;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * The body a notification is delivered with. Notifications written before their body named the
 * merchant are delivered with {@code "merchantId"} added after {@code "eventId"}: merchants' SDKs
 * refuse a notification whose body does not name them. The result depends only on the stored
 * payload, so every attempt still sends the same bytes.
 */
final class NotificationPayload {

    private NotificationPayload() {
    }

    static String namingMerchant(String payload, String merchantId) {
        JsonObject event;
        try (var reader = Json.createReader(new StringReader(payload))) {
            event = reader.readObject();
        }
        if (event.containsKey("merchantId")) {
            return payload;
        }
        JsonObjectBuilder named = Json.createObjectBuilder();
        boolean added = false;
        for (Map.Entry<String, JsonValue> member : event.entrySet()) {
            named.add(member.getKey(), member.getValue());
            if (member.getKey().equals("eventId")) {
                named.add("merchantId", merchantId);
                added = true;
            }
        }
        if (!added) {
            named.add("merchantId", merchantId);
        }
        return named.build().toString();
    }
}
