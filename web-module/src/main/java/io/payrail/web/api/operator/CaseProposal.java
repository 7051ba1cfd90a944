package io.payrail.web.api.operator;

import io.payrail.discrepancy.Resolution;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A maker's proposal for a discrepancy case. */
public record CaseProposal(
        @NotNull(message = "is required: ACCEPT_CHANNEL, WRITE_OFF or BOOK_TO_SUSPENSE") Resolution resolution,
        @NotBlank(message = "is required: say why, for the approver and the audit")
        @Size(max = 255, message = "must be at most 255 characters") String reason) {
}
