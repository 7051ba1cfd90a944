package io.payrail.simulator.channel;

/** Where an order stands at the channel. PAID, DECLINED and CLOSED are final, with one exception: a
 * CLOSED order can still become PAID under the "paid after close" failure. */
public enum OrderStatus {
    /** Created; waiting for the payer (confirmation page, wallet). Nothing taken yet. */
    PENDING,
    /** The money was taken (refunds do not change this status). */
    PAID,
    /** Refused; nothing taken. */
    DECLINED,
    /** Closed unpaid at the platform's request. */
    CLOSED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
