package io.payrail.web.api.operator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Register a merchant's RSA public key (PEM, SubjectPublicKeyInfo, 2048 bits or more). */
public record KeyRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]*") String keyId,
        @NotBlank @Size(max = 4096) String publicKeyPem) {
}
