package io.payrail.bench;

/** A reason the bench cannot go on, and what to do about it: printed as is, without a stack trace. */
final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String next;

    BenchException(String message, String next) {
        super(message);
        this.next = next;
    }

    BenchException(String message, String next, Throwable cause) {
        super(message, cause);
        this.next = next;
    }

    /** What to do next, e.g. "./payrail run". */
    String next() {
        return next;
    }
}
