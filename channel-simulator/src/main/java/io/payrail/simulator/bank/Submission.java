package io.payrail.simulator.bank;

/**
 * What the book did with a pay request.
 *
 * @param result the decision on the reference: the new one for {@link Effect#DECIDED}, the first
 *               one for {@link Effect#DUPLICATE} and {@link Effect#REF_REUSED}; for
 *               {@link Effect#ORDER_CLOSED} the decline made before the close, or null
 */
public record Submission(Effect effect, PaymentResult result) {
}
