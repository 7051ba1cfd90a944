package io.payrail.sdk;

import io.payrail.sdk.verification.SignatureVerificationException;

/**
 * The platform's answer arrived but its signature did not verify. The response is kept for
 * diagnosis only (its status and body are untrusted: anyone on the way could have written
 * them); treat the outcome of the request as unknown.
 */
public final class UnverifiedResponseException extends SignatureVerificationException {
    private static final long serialVersionUID = 1L;

    private final transient PayrailResponse unverifiedResponse;

    UnverifiedResponseException(SignatureVerificationException cause, PayrailResponse unverifiedResponse) {
        super(cause);
        this.unverifiedResponse = unverifiedResponse;
    }

    /** What arrived, untrusted: for logs and error messages, never for decisions. */
    public PayrailResponse unverifiedResponse() {
        return unverifiedResponse;
    }
}
