package io.payrail.web.api.operator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Register a merchant's RSA public key (PEM, SubjectPublicKeyInfo, 2048 bits or more). */
public record KeyRequest(
        @NotBlank(message = KEY_ID_RULE) @Size(max = 64, message = KEY_ID_RULE)
        @Pattern(regexp = "[A-Za-z0-9_.-]*", message = KEY_ID_RULE) String keyId,
        @NotBlank(message = PEM_RULE) @Size(max = 4096, message = PEM_RULE) String publicKeyPem) {

    static final String KEY_ID_RULE = "must be 1 to 64 characters of A-Z a-z 0-9 _ . -";
    static final String PEM_RULE = "must be a PEM public key (BEGIN PUBLIC KEY) of at most 4096 characters";
}
