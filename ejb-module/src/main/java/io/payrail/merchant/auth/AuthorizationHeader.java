package io.payrail.merchant.auth;

import io.payrail.common.ErrorCode;
import io.payrail.common.SignatureAlgorithm;
import io.payrail.platform.signing.ResponseBinding;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Authorization: PAYRAIL-SHA256-RSA2048 merchant_id="M1",key_id="K1",timestamp="1767225600",
 * nonce="...",signature="..."}: five attributes, any order, each exactly once. The scheme names the
 * signature algorithm ({@code PAYRAIL-SHA256-ECDSA-P256} for an EC key), which must be the
 * registered key's.
 */
public record AuthorizationHeader(SignatureAlgorithm algorithm, String merchantId, String keyId, long timestamp,
                                  String nonce, byte[] signature) {

    /** The default scheme, that of RSA keys. */
    public static final String SCHEME = SignatureAlgorithm.RSA_2048.scheme();
    private static final String SCHEMES = String.join(" or ",
            Arrays.stream(SignatureAlgorithm.values()).map(SignatureAlgorithm::scheme).toList());
    private static final Set<String> NAMES = Set.of("merchant_id", "key_id", "timestamp", "nonce", "signature");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s*([a-z_]+)=\"([^\"]*)\"\\s*(,|$)");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");

    /** @throws AuthenticationException AUTH_MISSING or AUTH_MALFORMED */
    public static AuthorizationHeader parse(String header) {
        SignatureAlgorithm algorithm = scheme(header).orElseThrow(() -> new AuthenticationException(
                ErrorCode.AUTH_MISSING, "send 'Authorization: " + SCHEMES + " merchant_id=\"...\",key_id=\"...\","
                        + "timestamp=\"...\",nonce=\"...\",signature=\"...\"', the scheme naming your key's"
                        + " algorithm (docs/authentication.md)"));
        Map<String, String> attributes = attributes(header.substring(algorithm.scheme().length() + 1));
        for (String name : NAMES) {
            if (!attributes.containsKey(name)) {
                throw malformed("attribute '" + name + "' is missing");
            }
        }
        return of(algorithm, attributes.get("merchant_id"), attributes.get("key_id"), attributes.get("timestamp"),
                attributes.get("nonce"), attributes.get("signature"));
    }

    /** The algorithm of the header's scheme, if it is one of the protocol's followed by a space. */
    private static Optional<SignatureAlgorithm> scheme(String header) {
        if (header == null || !header.startsWith(SignatureAlgorithm.SCHEME_PREFIX)) {
            return Optional.empty();
        }
        int space = header.indexOf(' ');
        return space < 0 ? Optional.empty()
                : SignatureAlgorithm.ofToken(header.substring(SignatureAlgorithm.SCHEME_PREFIX.length(), space));
    }

    /**
     * The merchant id and nonce an Authorization header claims, to bind the response to them
     * whether or not the request then authenticates: each as sent when it is well formed, else
     * empty; both empty when there is no header of this scheme or its attributes cannot be read
     * (not name="value" pairs, a name unknown or given twice).
     */
    public static ResponseBinding claimedBy(String header) {
        Optional<SignatureAlgorithm> algorithm = scheme(header);
        if (algorithm.isEmpty()) {
            return ResponseBinding.NONE;
        }
        try {
            Map<String, String> attributes = attributes(header.substring(algorithm.get().scheme().length() + 1));
            return claimedBy(attributes.get("merchant_id"), attributes.get("nonce"));
        } catch (AuthenticationException e) {
            return ResponseBinding.NONE;
        }
    }

    /** The same for credentials given as parts (the SOAP binding's gw:Authentication). */
    public static ResponseBinding claimedBy(String merchantId, String nonce) {
        return new ResponseBinding(merchantId != null && ID.matcher(merchantId).matches() ? merchantId : "",
                nonce != null && NONCE.matcher(nonce).matches() ? nonce : "");
    }

    /** The name="value" attributes after the scheme: each known name at most once. */
    private static Map<String, String> attributes(String rest) {
        Map<String, String> attributes = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (!m.find(at) || m.start() != at) {
                throw malformed("cannot read the attributes after position " + at + "; expected name=\"value\" pairs");
            }
            String name = m.group(1);
            if (!NAMES.contains(name)) {
                throw malformed("unknown attribute '" + name + "'");
            }
            if (attributes.put(name, m.group(2)) != null) {
                throw malformed("attribute '" + name + "' is given twice");
            }
            at = m.end();
            if (m.group(3).isEmpty()) {
                break;
            }
        }
        return attributes;
    }

    /**
     * The credentials from their parts (the SOAP binding carries them as header elements, its
     * algorithm a token of {@link SignatureAlgorithm}, RSA when absent), checked like the header's
     * attributes.
     *
     * @throws AuthenticationException AUTH_MALFORMED
     */
    public static AuthorizationHeader of(String algorithmToken, String merchantId, String keyId, String timestamp,
                                         String nonce, String signatureBase64) {
        SignatureAlgorithm algorithm = algorithmToken == null ? SignatureAlgorithm.RSA_2048
                : SignatureAlgorithm.ofToken(algorithmToken).orElseThrow(() -> malformed("algorithm is one of "
                        + Arrays.stream(SignatureAlgorithm.values()).map(SignatureAlgorithm::token).toList()
                        + ", that of the key you sign with"));
        return of(algorithm, merchantId, keyId, timestamp, nonce, signatureBase64);
    }

    private static AuthorizationHeader of(SignatureAlgorithm algorithm, String merchantId, String keyId,
                                          String timestamp, String nonce, String signatureBase64) {
        if (merchantId == null || keyId == null || !ID.matcher(merchantId).matches() || !ID.matcher(keyId).matches()) {
            throw malformed("merchant id and key id are 1 to 64 characters of [A-Za-z0-9_.-]");
        }
        if (timestamp == null || !DIGITS.matcher(timestamp).matches()) {
            throw malformed("timestamp is Unix time in seconds, e.g. \"1767225600\"");
        }
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            throw malformed("nonce is 16 to 64 characters of [A-Za-z0-9_-]");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64 == null ? "" : signatureBase64);
        } catch (IllegalArgumentException e) {
            throw malformed("signature is not standard Base64");
        }
        if (signature.length == 0 || signature.length > 1024) {
            throw malformed("signature has an impossible length");
        }
        return new AuthorizationHeader(algorithm, merchantId, keyId, Long.parseLong(timestamp), nonce, signature);
    }

    private static AuthenticationException malformed(String detail) {
        return new AuthenticationException(ErrorCode.AUTH_MALFORMED, detail + " (docs/authentication.md)");
    }
}
