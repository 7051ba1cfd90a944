package io.payrail.common;

/**
 * The stable list of error codes Payrail returns (docs/errors.md lists them for merchants). A code
 * never changes meaning once published; new codes are added, old ones deprecated, never reused.
 * The {@link Kind} decides the HTTP status and the SOAP fault; the edges map kinds, not codes.
 */
public enum ErrorCode {
    // --- the request itself (400) ---
    MALFORMED_REQUEST(Kind.INVALID,
            "The request body cannot be read: not UTF-8, not well-formed JSON or XML, or not of the expected shape."),
    VALIDATION_FAILED(Kind.INVALID, "One or more fields are missing or invalid."),
    CURRENCY_NOT_ENABLED(Kind.INVALID, "The merchant is not enabled for this currency."),
    AMOUNT_OVER_LIMIT(Kind.INVALID, "The amount is above the merchant's limit for one payment."),
    METHOD_NOT_ALLOWED(Kind.INVALID, "This resource does not support the HTTP method."),
    UNSUPPORTED_MEDIA_TYPE(Kind.INVALID, "The request body must be application/json."),
    NOT_ACCEPTABLE(Kind.INVALID, "The response can only be application/json."),
    PAYLOAD_TOO_LARGE(Kind.INVALID, "The request body is too large."),
    KEY_INVALID(Kind.INVALID, "The public key is neither an RSA key of 2048 bits or more nor an EC P-256 key in PEM form."),
    CARD_INVALID(Kind.INVALID, "The card number, expiry, security code or phone is not valid."),

    // --- authentication (401) and authorisation (403) ---
    AUTH_MISSING(Kind.UNAUTHENTICATED,
            "The request carries no PAYRAIL-SHA256-RSA2048 or PAYRAIL-SHA256-ECDSA-P256 Authorization header."),
    AUTH_MALFORMED(Kind.UNAUTHENTICATED, "The Authorization header cannot be parsed."),
    AUTH_MERCHANT_UNKNOWN(Kind.UNAUTHENTICATED, "No merchant has this id."),
    AUTH_KEY_UNKNOWN(Kind.UNAUTHENTICATED, "The merchant has no active key with this id."),
    AUTH_TIMESTAMP_SKEW(Kind.UNAUTHENTICATED, "The request's timestamp is more than 5 minutes from Payrail's clock."),
    AUTH_NONCE_REUSED(Kind.UNAUTHENTICATED, "The nonce was already used: the request is a replay."),
    AUTH_SIGNATURE_INVALID(Kind.UNAUTHENTICATED, "The signature does not verify for this request."),
    OPERATOR_UNAUTHORIZED(Kind.UNAUTHENTICATED, "Operator calls need a valid staff bearer token."),
    STAFF_LOCKED(Kind.FORBIDDEN, "The staff account is locked after too many failed sign-ins."),
    STAFF_PASSWORD_CHANGE_REQUIRED(Kind.FORBIDDEN, "The staff member must change their one-time password first."),
    PAYER_UNAUTHORIZED(Kind.UNAUTHENTICATED, "The payer API needs a signed-in payer: a payer session or token."),
    PAYER_LOCKED(Kind.FORBIDDEN, "The payer account is locked after too many failed sign-ins."),
    PAYER_NOT_VERIFIED(Kind.FORBIDDEN, "The payer has not yet typed the one-time code sent at registration."),
    CALLBACK_INVALID(Kind.UNAUTHENTICATED, "The channel notification's signature or content does not verify."),
    MERCHANT_SUSPENDED(Kind.FORBIDDEN, "The merchant is suspended and may not move money."),
    HTTPS_REQUIRED(Kind.FORBIDDEN, "The API answers only over HTTPS."),
    /** Only in the payment server: the gateway authenticates merchants before this can happen. */
    MERCHANT_UNKNOWN(Kind.INVALID, "No active merchant has this id."),

    // --- resources (404) ---
    PAYMENT_NOT_FOUND(Kind.NOT_FOUND, "No payment with this id exists for you."),
    REFUND_NOT_FOUND(Kind.NOT_FOUND, "No refund with this id exists for you."),
    NOTIFICATION_NOT_FOUND(Kind.NOT_FOUND, "No notification with this event id exists for you."),
    MERCHANT_NOT_FOUND(Kind.NOT_FOUND, "No merchant has this id."),
    RESOURCE_NOT_FOUND(Kind.NOT_FOUND, "No such resource."),

    // --- conflicts with what exists (409) ---
    MERCHANT_ORDER_NO_CONFLICT(Kind.CONFLICT,
            "This merchant order number is already used by a payment with different parameters."),
    MERCHANT_REFUND_NO_CONFLICT(Kind.CONFLICT,
            "This merchant refund number is already used by a refund with different parameters."),
    ILLEGAL_STATE_TRANSITION(Kind.CONFLICT, "The payment is not in a state that allows this operation."),
    PAYMENT_PROCESSING(Kind.CONFLICT, "The payment is with the channel; its outcome is not known yet."),
    REFUND_NOT_ALLOWED(Kind.CONFLICT, "Only a paid payment can be refunded."),
    CONCURRENT_MODIFICATION(Kind.CONFLICT, "The resource changed while this request ran; retry it."),
    IDEMPOTENCY_KEY_IN_FLIGHT(Kind.CONFLICT, "A request with this Idempotency-Key is still being processed."),
    MERCHANT_CONFLICT(Kind.CONFLICT, "A merchant with this id exists with different settings."),
    KEY_CONFLICT(Kind.CONFLICT, "A different key is registered under this key id."),
    KEY_LIMIT_REACHED(Kind.CONFLICT, "The merchant already has two active keys; revoke one first."),
    PAYER_LOGIN_TAKEN(Kind.CONFLICT, "A payer account with this e-mail address or phone number exists."),

    // --- understood but refused (422) ---
    IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE, "This Idempotency-Key was used for a different request."),
    REFUND_EXCEEDS_AVAILABLE(Kind.UNPROCESSABLE, "The refund is larger than what remains refundable."),
    QUICKPAY_REFUSED(Kind.UNPROCESSABLE, "Quick pay refused the binding or the code; nothing was charged."),
    PAYER_CODE_INVALID(Kind.UNPROCESSABLE, "The one-time code is wrong, used or expired."),

    // --- money out: fees, statements, reconciliation, cases, settlements (operator API; settlements also merchants) ---
    SETTLEMENT_NOT_FOUND(Kind.NOT_FOUND, "No settlement with this id exists for you."),
    CASE_NOT_FOUND(Kind.NOT_FOUND, "No discrepancy case has this id."),
    JOB_NOT_FOUND(Kind.NOT_FOUND, "No batch job has this id."),
    CHANNEL_NOT_FOUND(Kind.NOT_FOUND, "No channel with a statement has this id."),
    OPERATOR_NOT_FOUND(Kind.NOT_FOUND, "No staff member has this id."),
    OPERATOR_FORBIDDEN(Kind.FORBIDDEN, "The staff member's roles do not allow this."),
    SELF_APPROVAL_FORBIDDEN(Kind.FORBIDDEN, "The operator who proposed a resolution cannot approve or reject it."),
    RATE_PLAN_CONFLICT(Kind.CONFLICT, "Another rate plan takes effect on that day for this merchant, method and currency."),
    CASE_STATE_CONFLICT(Kind.CONFLICT, "The case is not in a state that allows this operation."),
    SETTLEMENT_STATE_CONFLICT(Kind.CONFLICT, "The settlement is not in a state that allows this operation."),
    JOB_CONFLICT(Kind.CONFLICT, "The same job is already queued or running."),
    STATEMENT_NOT_IMPORTED(Kind.CONFLICT, "The channel's statement of that day has not been imported yet."),
    OPERATOR_CONFLICT(Kind.CONFLICT, "A staff member with this id exists."),
    RESOLUTION_NOT_APPLICABLE(Kind.UNPROCESSABLE, "This resolution cannot settle a case of this kind."),
    STATEMENT_REFUSED(Kind.UNPROCESSABLE, "The channel's statement file is malformed or truncated; nothing of it was imported."),
    STATEMENT_UNAVAILABLE(Kind.UNAVAILABLE, "The channel could not give its statement now; retry later."),

    // --- load (429) and the platform (5xx) ---
    RATE_LIMITED(Kind.TOO_MANY_REQUESTS, "Too many requests for this merchant; retry after the indicated delay."),
    SERVICE_UNAVAILABLE(Kind.UNAVAILABLE, "A service Payrail depends on is unavailable; retry later."),
    INTERNAL_ERROR(Kind.INTERNAL, "Payrail failed to process the request; retry it with the same keys.");

    /** What kind of failure a code is; the edge maps kinds to HTTP statuses and SOAP faults. */
    public enum Kind {
        INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE, TOO_MANY_REQUESTS, UNAVAILABLE,
        INTERNAL
    }

    private final Kind kind;
    private final String title;

    ErrorCode(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * True when the same request may well get another answer soon (the payment is still with its
     * channel, a concurrent change, load, an outage): such an answer is never kept for an
     * Idempotency-Key, so the merchant's retry with that key runs again.
     */
    public boolean isTransient() {
        return this == PAYMENT_PROCESSING || this == CONCURRENT_MODIFICATION || this == IDEMPOTENCY_KEY_IN_FLIGHT
                || kind == Kind.TOO_MANY_REQUESTS || kind == Kind.UNAVAILABLE || kind == Kind.INTERNAL;
    }

    /** A short, human-readable summary that does not vary between occurrences. */
    public String title() {
        return title;
    }
}
