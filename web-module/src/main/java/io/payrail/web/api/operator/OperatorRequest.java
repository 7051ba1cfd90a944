package io.payrail.web.api.operator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Issue a named operator's token. */
public record OperatorRequest(
        @NotBlank(message = ID_RULE) @Size(max = 32, message = ID_RULE) @Pattern(regexp = "[a-z][a-z0-9_.-]*",
                message = ID_RULE) String id) {

    static final String ID_RULE = "must be 1 to 32 characters of a-z 0-9 _ . -, starting with a letter";
}
