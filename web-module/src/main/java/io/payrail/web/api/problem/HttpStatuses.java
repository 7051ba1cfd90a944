package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;

/** The one place where error kinds become HTTP statuses. */
final class HttpStatuses {

    private HttpStatuses() {
    }

    static int of(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }
}
