package io.payrail.web.api.operator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new staff member, or (roles only) a member's new roles. */
public record StaffRequest(
        @Size(max = 32, message = ID_RULE) @Pattern(regexp = "[a-z][a-z0-9_.-]*", message = ID_RULE) String id,
        @Size(max = 100, message = "must be at most 100 characters") String displayName,
        @NotEmpty(message = "must name at least one of ADMIN, OPERATIONS, FINANCE, SUPPORT, AUDITOR")
        List<@NotBlank @Pattern(regexp = "ADMIN|OPERATIONS|FINANCE|SUPPORT|AUDITOR",
                message = "must be one of ADMIN, OPERATIONS, FINANCE, SUPPORT, AUDITOR") String> roles) {

    static final String ID_RULE = "must be 1 to 32 characters of a-z 0-9 _ . -, starting with a letter";
}
