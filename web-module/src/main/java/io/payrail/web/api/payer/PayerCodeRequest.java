package io.payrail.web.api.payer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one-time code sent to a login at registration, with the registration's secret from its answer. */
public record PayerCodeRequest(
        @NotBlank(message = "is required: the login you registered") @Size(max = 254) String login,
        @NotBlank(message = "is required: the 6-digit code we sent") @Size(max = 6) String code,
        @NotBlank(message = "is required: the registration value of the POST registrations answer")
        @Size(max = 64) String registration) {
}
