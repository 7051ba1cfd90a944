package io.payrail.web.api.operator;

import jakarta.validation.constraints.Size;

/** A checker's rejection note (optional). */
public record CaseDecision(@Size(max = 255, message = "must be at most 255 characters") String note) {
}
