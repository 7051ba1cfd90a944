package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;

/** The one place where error kinds become HTTP statuses. */
final class HttpStatuses {

    private HttpStatuses() {
    }

    static int of(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }
}
