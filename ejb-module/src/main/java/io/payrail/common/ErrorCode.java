package io.payrail.common;

/**
 * The stable list of error codes Payrail returns. A code never changes meaning once published;
 * new codes are added, old ones are deprecated, never reused. The {@link Kind} decides the HTTP
 * status and the SOAP fault; the web layer maps kinds, not codes.
 */
public enum ErrorCode {
    // the request itself
    MALFORMED_REQUEST(Kind.INVALID, "The request body is not valid JSON of the expected shape."),
    VALIDATION_FAILED(Kind.INVALID, "One or more fields are missing or invalid."),
    UNSUPPORTED_CURRENCY(Kind.INVALID, "The currency is not an ISO 4217 currency that Payrail accepts."),
    MERCHANT_UNKNOWN(Kind.INVALID, "No active merchant has this id."),
    METHOD_NOT_ALLOWED(Kind.INVALID, "This resource does not support the HTTP method."),
    UNSUPPORTED_MEDIA_TYPE(Kind.INVALID, "The request body must be application/json."),
    NOT_ACCEPTABLE(Kind.INVALID, "The response can only be application/json."),

    // resources
    PAYMENT_NOT_FOUND(Kind.NOT_FOUND, "No payment with this id exists for you."),
    RESOURCE_NOT_FOUND(Kind.NOT_FOUND, "No such resource."),

    // conflicts with what exists
    MERCHANT_ORDER_NO_CONFLICT(Kind.CONFLICT,
            "This merchant order number is already used by a payment with different parameters."),
    ILLEGAL_STATE_TRANSITION(Kind.CONFLICT, "The payment is not in a state that allows this operation."),
    CONCURRENT_MODIFICATION(Kind.CONFLICT, "The payment changed while this request ran; retry it."),

    // the platform
    SERVICE_UNAVAILABLE(Kind.UNAVAILABLE, "A service Payrail depends on is unavailable; retry later."),
    INTERNAL_ERROR(Kind.INTERNAL, "Payrail failed to process the request; retry it with the same keys.");

    /** What kind of failure a code is; the edge maps kinds to HTTP statuses and SOAP faults. */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT, UNAVAILABLE, INTERNAL
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

    /** A short, human-readable summary that does not vary between occurrences. */
    public String title() {
        return title;
    }
}
