package io.payrail.platform.signing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a response is bound to: the merchant id and the nonce of the request's credentials as the
 * request carried them, whether or not they then authenticated, so that a merchant can tell the
 * answer to its own request from a replayed one. Each is empty when the request carried none.
 */
public record ResponseBinding(String merchantId, String requestNonce) {

    // what ids and nonces are made of: a part of the signed text can never hold a line break
    // (declared before NONE, which the constructor checks against it)
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{0,64}");

    /** A request without credentials, or whose credentials could not be read. */
    public static final ResponseBinding NONE = new ResponseBinding("", "");

    public ResponseBinding {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(requestNonce, "requestNonce");
        if (!SAFE.matcher(merchantId).matches() || !SAFE.matcher(requestNonce).matches()) {
            throw new IllegalArgumentException("a response binding holds a well-formed merchant id and nonce, or empty ones");
        }
    }
}
