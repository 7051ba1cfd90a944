package io.payrail.simulator.channel.quickpay;

import io.payrail.simulator.crypto.Rsa;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * QUICKPAY's signature scheme, in the style of Alipay's RSA2: the signature is a field
 * ({@code sign}) of the message itself, computed over the other fields.
 *
 * <p>The signed text: every field except {@code sign} and {@code signType}, leaving out fields whose
 * value is null or empty, sorted by field name (byte order of the ASCII names), written as
 * {@code name=value} joined with {@code &}. Values are raw: a JSON string without quotes or escapes,
 * a JSON integer in decimal, a boolean as {@code true}/{@code false}; nothing is URL-encoded.
 * SHA256withRSA over the UTF-8 bytes, standard base64. {@code signType} is always {@code RSA2}.
 */
public final class SortedParams {

    public static final String SIGN = "sign";
    public static final String SIGN_TYPE = "signType";
    public static final String RSA2 = "RSA2";

    private SortedParams() {
    }

    /** The text the signature covers. */
    public static String canonical(Map<String, String> fields) {
        StringJoiner out = new StringJoiner("&");
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!SIGN.equals(name) && !SIGN_TYPE.equals(name) && value != null && !value.isEmpty()) {
                out.add(name + "=" + value);
            }
        });
        return out.toString();
    }

    public static String sign(PrivateKey key, Map<String, String> fields) {
        return Rsa.signBase64(key, canonical(fields).getBytes(StandardCharsets.UTF_8));
    }

    /** Checks the {@code sign} field against the other fields. */
    public static boolean verify(PublicKey key, Map<String, String> fields) {
        String signType = fields.get(SIGN_TYPE);
        if (signType != null && !RSA2.equals(signType)) {
            return false;
        }
        return Rsa.verifyBase64(key, canonical(fields).getBytes(StandardCharsets.UTF_8), fields.get(SIGN));
    }

    /** A JSON value as it enters the signed text. */
    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
