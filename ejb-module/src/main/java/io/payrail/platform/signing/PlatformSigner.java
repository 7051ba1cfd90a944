package io.payrail.platform.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs what the platform sends merchants, REST and SOAP responses and notifications alike, and
 * gives the headers that carry the signature and name its algorithm (that of the signing key's
 * certificate, which merchants verify with whatever the header says). The merchant id and request nonce headers only echo
 * what was signed, to help people read a failure; merchants verify with their own values.
 */
@ApplicationScoped
public class PlatformSigner {

    public static final String TIMESTAMP = "Payrail-Timestamp";
    public static final String NONCE = "Payrail-Nonce";
    public static final String KEY_ID = "Payrail-Key-Id";
    public static final String SIGNATURE = "Payrail-Signature";
    public static final String SIGNATURE_ALGORITHM = "Payrail-Signature-Algorithm";
    public static final String MERCHANT_ID = "Payrail-Merchant-Id";
    public static final String REQUEST_NONCE = "Payrail-Request-Nonce";

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private PlatformKeys keys;

    @Inject
    private Clock clock;

    /** The headers of a response with this body, signed for the request it answers. */
    public Map<String, String> signResponse(ResponseBinding binding, byte[] body) {
        String timestamp = timestamp();
        String nonce = nonce();
        Map<String, String> headers = headers(timestamp, nonce,
                keys.sign(PlatformSignedText.response(timestamp, nonce, binding, body)));
        headers.put(MERCHANT_ID, binding.merchantId());
        headers.put(REQUEST_NONCE, binding.requestNonce());
        return headers;
    }

    /** The headers of a notification with this body, signed for its merchant. */
    public Map<String, String> signNotification(String merchantId, byte[] body) {
        String timestamp = timestamp();
        String nonce = nonce();
        Map<String, String> headers = headers(timestamp, nonce,
                keys.sign(PlatformSignedText.notification(timestamp, nonce, merchantId, body)));
        headers.put(MERCHANT_ID, merchantId);
        return headers;
    }

    private Map<String, String> headers(String timestamp, String nonce, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP, timestamp);
        headers.put(NONCE, nonce);
        headers.put(KEY_ID, keys.signingKeyId());
        headers.put(SIGNATURE, signature);
        headers.put(SIGNATURE_ALGORITHM, keys.signingAlgorithm().token());
        return headers;
    }

    private String timestamp() {
        return Long.toString(clock.instant().getEpochSecond());
    }

    private static String nonce() {
        char[] out = new char[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
