package io.payrail.refund;

/** PENDING → SUCCEEDED | FAILED; the two outcomes are final. */
public enum RefundState {
    PENDING, SUCCEEDED, FAILED;

    public boolean canTransitionTo(RefundState next) {
        return this == PENDING && (next == SUCCEEDED || next == FAILED);
    }

    public boolean isFinal() {
        return this != PENDING;
    }
}
