package io.payrail.web.soap;

import io.payrail.web.api.problem.Problem;
import java.util.List;

/** Field violations of a SOAP request, reported together as one VALIDATION_FAILED fault. */
final class SoapValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem.FieldError> errors;

    SoapValidationException(List<Problem.FieldError> errors) {
        super(errors.size() + " invalid field(s): " + String.join(", ",
                errors.stream().map(Problem.FieldError::field).distinct().toList()));
        this.errors = List.copyOf(errors);
    }

    List<Problem.FieldError> errors() {
        return errors;
    }
}
