package io.payrail.merchant.auth;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;

/** A request that is not authentically from the merchant it names (401), or a merchant refused (403, 429). */
public class AuthenticationException extends PayrailException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public AuthenticationException(ErrorCode code, String detail) {
        this(code, detail, 0);
    }

    public AuthenticationException(ErrorCode code, String detail, long retryAfterSeconds) {
        super(code, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** For RATE_LIMITED: when to try again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
