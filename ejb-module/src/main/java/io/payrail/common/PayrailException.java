package io.payrail.common;

import jakarta.ejb.ApplicationException;

/**
 * A business rule said no. Carries a stable {@link ErrorCode} and a detail that is safe to show
 * to the caller (never a secret, never a stack trace). As an application exception it rolls back
 * the transaction and reaches the caller unwrapped.
 */
@ApplicationException(rollback = true)
public class PayrailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public PayrailException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
