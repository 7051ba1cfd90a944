package io.payrail.simulator.bank;

import java.util.Objects;

/**
 * The bank's decision on one merchant reference, made once and then repeated to every retry.
 * Amount and currency are kept for declines too: they are what a later request with the same
 * reference is compared with.
 *
 * @param declineCode null when approved
 */
public record PaymentResult(String merchantRef, String transactionId, PaymentStatus status, long amount,
                            String currency, DeclineCode declineCode) {

    public PaymentResult {
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        if ((status == PaymentStatus.DECLINED) != (declineCode != null)) {
            throw new IllegalArgumentException("a decline code comes with DECLINED and only with it");
        }
    }

    /** Applies {@link DeclineRule} to a request. */
    static PaymentResult decide(PaymentRequest request, String transactionId) {
        DeclineCode decline = DeclineRule.declineFor(request.amount()).orElse(null);
        PaymentStatus status = decline == null ? PaymentStatus.APPROVED : PaymentStatus.DECLINED;
        return new PaymentResult(request.merchantRef(), transactionId, status, request.amount(),
                request.currency(), decline);
    }

    /** Whether money was taken: a decline takes none. */
    public boolean charged() {
        return status == PaymentStatus.APPROVED;
    }

    /** The decline's text, or null when approved. */
    public String message() {
        return declineCode == null ? null : declineCode.message();
    }
}
