package io.payrail.web.api.json;

import io.payrail.web.api.problem.Problem.FieldError;
import java.util.List;

/** A request body that is not the JSON the operation takes; becomes 400 MALFORMED_REQUEST. */
public class InvalidBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidBodyException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
