package io.payrail.sdk.verification;

import java.io.IOException;

/**
 * A platform response or notification that must not be trusted. It is an {@link IOException}, as
 * an {@code SSLException} is, because for the caller it means the same as a broken connection:
 * the outcome of the request is unknown, so retry it (with the same Idempotency-Key) or look the
 * result up, and never act on the untrusted body.
 */
public class SignatureVerificationException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the message was refused. */
    public enum Reason {
        /** A Payrail-* signature header is absent: not a Payrail response, or a proxy answered. */
        MISSING_HEADER,
        /** A Payrail-* header cannot be read. */
        MALFORMED_HEADER,
        /** Signed with a platform key id the verifier has no certificate for. */
        UNKNOWN_KEY_ID,
        /** The certificate of that key id is expired or not yet valid. */
        CERTIFICATE_NOT_VALID,
        /** The signature does not match the signed text (timestamp, nonce, merchant, request nonce, body). */
        SIGNATURE_INVALID,
        /**
         * Signed for another merchant or another request (a response replayed as the answer to a
         * different request, another merchant's notification), or a notification whose body names
         * another merchant.
         */
        WRONG_RECIPIENT,
        /** Signed more than 300 s away from the verifier's clock. */
        TIMESTAMP_SKEW
    }

    private final Reason reason;

    public SignatureVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Keeps the reason and message of another failure, for a subclass that adds context. */
    protected SignatureVerificationException(SignatureVerificationException cause) {
        super(cause.getMessage(), cause);
        this.reason = cause.reason;
    }

    public Reason reason() {
        return reason;
    }
}
