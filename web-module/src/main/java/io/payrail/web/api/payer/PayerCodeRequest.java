package io.payrail.web.api.payer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one-time code sent to a login at registration. */
public record PayerCodeRequest(
        @NotBlank(message = "is required: the login you registered") @Size(max = 254) String login,
        @NotBlank(message = "is required: the 6-digit code we sent") @Size(max = 6) String code) {
}
