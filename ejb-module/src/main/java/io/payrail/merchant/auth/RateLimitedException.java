package io.payrail.merchant.auth;

import io.payrail.common.ErrorCode;
import jakarta.ejb.ApplicationException;

/**
 * RATE_LIMITED (429). Unlike the other refusals it is thrown after the request's nonce was spent
 * and the request counted, in the same transaction; that transaction must still commit: a nonce
 * given back by a rollback would let anyone who saw the refused request replay it later, after the
 * merchant had already sent it again with a fresh nonce.
 */
@ApplicationException(rollback = false)
public class RateLimitedException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public RateLimitedException(String detail, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, detail, retryAfterSeconds);
    }
}
