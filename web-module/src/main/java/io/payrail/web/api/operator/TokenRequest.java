package io.payrail.web.api.operator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A staff member's sign-in for an operator-API token; {@code totp} only when they have a second
 * factor; {@code newPassword} replaces the password first (required after a one-time password).
 */
public record TokenRequest(@NotBlank(message = "is required: your staff id") @Size(max = 32) String staffId,
                           @NotBlank(message = "is required: your password") @Size(max = 200) String password,
                           @Size(max = 6) String totp,
                           @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String newPassword) {
}
