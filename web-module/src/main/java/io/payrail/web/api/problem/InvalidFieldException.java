package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;

/** A query or path parameter that is not what the operation takes: 400 VALIDATION_FAILED naming it. */
public class InvalidFieldException extends PayrailException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(ErrorCode.VALIDATION_FAILED, field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public Problem.FieldError error() {
        return new Problem.FieldError(field, reason);
    }
}
