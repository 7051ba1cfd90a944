package io.payrail.web.api.payer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A payer's login and password: to sign in, or to register. */
public record PayerCredentials(
        @NotBlank(message = "is required: your e-mail address or phone number") @Size(max = 254) String login,
        @NotBlank(message = "is required: your password") @Size(max = 200) String password) {
}
