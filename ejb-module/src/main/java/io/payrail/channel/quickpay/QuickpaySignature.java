package io.payrail.channel.quickpay;

import io.payrail.channel.ChannelWire;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * QUICKPAY's signature (quickpay.md §2): SHA256withRSA over every field but {@code sign} and
 * {@code signType}, fields with a null or empty value left out, sorted by name (byte order), written
 * {@code name=value} and joined with {@code &}; values raw (no quotes, no escapes, no URL encoding).
 */
final class QuickpaySignature {

    static final String SIGN = "sign";
    static final String SIGN_TYPE = "signType";
    static final String RSA2 = "RSA2";

    private QuickpaySignature() {
    }

    /** The signed text of a set of fields. */
    static byte[] text(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        // String's natural order is UTF-16 order, which for ASCII names is their byte order
        for (Map.Entry<String, String> f : new TreeMap<>(fields).entrySet()) {
            if (f.getKey().equals(SIGN) || f.getKey().equals(SIGN_TYPE) || f.getValue() == null || f.getValue().isEmpty()) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "&").append(f.getKey()).append('=').append(f.getValue());
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The fields of a flat JSON object as the signature reads them, or null when it is not flat (an
     * object or array inside): QUICKPAY never sends one, so it is not QUICKPAY's.
     */
    static Map<String, String> fields(JsonObject object) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            JsonValue v = e.getValue();
            switch (v.getValueType()) {
                case STRING -> fields.put(e.getKey(), object.getString(e.getKey()));
                case NUMBER -> fields.put(e.getKey(), v.toString());
                case TRUE -> fields.put(e.getKey(), "true");
                case FALSE -> fields.put(e.getKey(), "false");
                case NULL -> fields.put(e.getKey(), null);
                default -> {
                    return null;
                }
            }
        }
        return fields;
    }

    /** Whether {@code fields} carry a {@code sign} that verifies with {@code key}. */
    static boolean verifies(PublicKey key, Map<String, String> fields) {
        return RSA2.equals(fields.get(SIGN_TYPE)) && ChannelWire.rsaSha256Verifies(key, text(fields), fields.get(SIGN));
    }
}
