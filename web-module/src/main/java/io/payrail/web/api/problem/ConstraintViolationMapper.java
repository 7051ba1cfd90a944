package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on a request: 400 with one entry per invalid field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    /** Resource methods name their entity parameter "request". */
    private static final String BODY_PARAMETER = "request";

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                // a field's constraints share the message of its whole rule: say it once
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.isEmpty() ? "the request is invalid"
                : errors.size() + " invalid field(s): " + String.join(", ",
                        errors.stream().map(Problem.FieldError::field).distinct().toList());
        return Problem.response(ErrorCode.VALIDATION_FAILED, detail, Problem.instance(uri), errors);
    }

    /** "create.request.amount" → "amount"; a missing body → "body"; a query parameter → its name. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                property.append(property.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!property.isEmpty()) {
            return property.toString();
        }
        return parameter == null || BODY_PARAMETER.equals(parameter) ? "body" : parameter;
    }
}
