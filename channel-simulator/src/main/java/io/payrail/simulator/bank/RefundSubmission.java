package io.payrail.simulator.bank;

/**
 * What the book did with a refund request.
 *
 * @param effect {@link Effect#DECIDED}, {@link Effect#DUPLICATE} or {@link Effect#REF_REUSED}
 * @param result the decision on the refundRef: the new one for {@link Effect#DECIDED}, the first
 *               one otherwise
 */
public record RefundSubmission(Effect effect, RefundResult result) {
}
