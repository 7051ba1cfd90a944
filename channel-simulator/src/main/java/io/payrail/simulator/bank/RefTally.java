package io.payrail.simulator.bank;

/**
 * What the bank's book says about one merchant reference, for tests and operators.
 *
 * @param requests every pay request received for it, retries, injected failures and requests refused
 *                 because it was closed included
 * @param charges  times money was taken (a decline is not a charge); more than 1 would be a bug
 * @param status   the decision, or null when none was made yet
 * @param refunds  refunds that moved money back ({@code REFUNDED} decisions); rejections are not counted
 * @param refunded the sum of those refunds in the payment's currency, in minor units; never more than the
 *                 amount charged, unless the operator made the bank give back more ({@code refundOverrides})
 * @param closed   whether the reference was closed (fenced): no pay request can charge it any more
 */
public record RefTally(String merchantRef, long requests, long charges, PaymentStatus status, long refunds,
                       long refunded, boolean closed) {

    /** A reference that was not closed. */
    public RefTally(String merchantRef, long requests, long charges, PaymentStatus status, long refunds,
                    long refunded) {
        this(merchantRef, requests, charges, status, refunds, refunded, false);
    }

    /** A reference without refunds that was not closed. */
    public RefTally(String merchantRef, long requests, long charges, PaymentStatus status) {
        this(merchantRef, requests, charges, status, 0, 0);
    }

    static RefTally none(String merchantRef) {
        return new RefTally(merchantRef, 0, 0, null);
    }
}
