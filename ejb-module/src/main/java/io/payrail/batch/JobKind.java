package io.payrail.batch;

/** What a batch job does; the phases it goes through, in order. */
public enum JobKind {
    /** Fetch and import a channel's statement of the day, then classify every movement of it. */
    RECONCILIATION(true, "IMPORT"),
    /** Every merchant's DRAFT settlement batches of the day, one merchant per step. */
    SETTLEMENT_DRAFT(false, "DRAFT"),
    /** Every APPROVED settlement of the day paid out, one settlement per step. */
    SETTLEMENT_PAYOUT(false, "PAYOUT");

    private final boolean perChannel;
    private final String firstPhase;

    JobKind(boolean perChannel, String firstPhase) {
        this.perChannel = perChannel;
        this.firstPhase = firstPhase;
    }

    /** Whether the job is about one channel's day (it names the channel) or the whole day. */
    public boolean perChannel() {
        return perChannel;
    }

    String firstPhase() {
        return firstPhase;
    }
}
