package io.payrail.payer;

/** What a one-time code did: accepted (for this payer), wrong (try again), or spent (ask for a new one). */
public record CodeOutcome(Status status, Long payerId) {

    public enum Status {
        ACCEPTED,
        /** Wrong, with tries left. */
        WRONG,
        /** None outstanding: never sent, used, expired, or too many wrong tries. */
        EXPIRED
    }

    static final CodeOutcome WRONG = new CodeOutcome(Status.WRONG, null);
    static final CodeOutcome EXPIRED = new CodeOutcome(Status.EXPIRED, null);

    static CodeOutcome accepted(Long payerId) {
        return new CodeOutcome(Status.ACCEPTED, payerId);
    }
}
